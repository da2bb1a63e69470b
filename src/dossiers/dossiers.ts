import { localDate } from '../calendar/index.js';
import { authorizeDossier, type Actor } from '../auth/policy.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { DossierContext, DossierDeps } from './context.js';
import { apologise, type ApologyInput } from './apology.js';
import { returnResult, withdraw } from './closing.js';
import { pause, resume, type PauseInput } from './pauses.js';
import { migrateDossiers, type MigrationInput, type MigrationReport } from './version-migration.js';
import { receive, receiveSubmitted, type ReceiptDecision, type ReceiptInput } from './receipt.js';
import { DossierRepository, type InboxFilter } from './repository.js';
import { handleBpmnTimers, handleTimers } from './timer-jobs.js';
import { dossierView, taskView, type DossierView, type TaskView } from './views.js';
import { claim, complete, inbox, type CompletionInput, type InboxItem } from './tasks.js';
import { assign, assignees, type Assignee, type AssignInput } from './reassign.js';
import { DossierNotFound } from '../errors.js';
import { controlSlip, type ControlSlip } from './control-slip.js';
import { paperworkOf, type Paperwork } from './paperwork.js';
import { register, type RegisterEntry, type RegisterQuery } from './register.js';
import { dossiersAt, handOver, type HandoverReason, type SuccessorRule } from './handover.js';
import { searchDossiers, type DossierFilters, type DossierSummary } from './search.js';

export type { ReceiptDecision, ReceiptInput } from './receipt.js';

export type { CompletionInput } from './tasks.js';

/**
 * Dossiers from receipt to the return of the result. Every change is one transaction and one link in the dossier's
 * audit chain; the engine runs outside the transaction.
 */
export class Dossiers {
  private readonly ctx: DossierContext;

  constructor(deps: DossierDeps) {
    this.ctx = { ...deps, repo: new DossierRepository(deps.reads) };
  }

  /** Registers the dossiers' timers with the scheduler. */
  handleTimers(scheduler: Scheduler): void {
    handleTimers(scheduler, this.ctx);
    handleBpmnTimers(scheduler, this.ctx);
  }

  /** Unfinished dossiers whose desk or an open task sits at one of `units`: a batch of at most `limit`, codes after `after`. */
  async at(units: readonly string[], limit = 200, after = ''): Promise<string[]> {
    return dossiersAt(this.ctx, units, limit, after);
  }

  /** Hands a dossier over to the successors of its units (a reorganisation); false when nothing had to move. */
  async handOver(code: string, successor: SuccessorRule, reason: HandoverReason): Promise<boolean> {
    return handOver(this.ctx, code, successor, reason);
  }

  async receive(actor: Actor, input: ReceiptInput): Promise<DossierView> {
    return this.view((await receive(this.ctx, actor, input)).code);
  }

  /** The desk decides on a dossier submitted online: accept, request supplementation or refuse, as at receipt. */
  async receiveSubmitted(actor: Actor, code: string, decision: ReceiptDecision): Promise<DossierView> {
    await receiveSubmitted(this.ctx, actor, code, decision);
    return this.view(code);
  }

  /** A dossier with its open tasks, for anyone allowed to see it. */
  async get(actor: Actor, code: string): Promise<DossierView> {
    const dossier = await this.ctx.repo.byCode(code);
    if (!dossier) throw new DossierNotFound(code);
    authorizeDossier(actor, 'dossiers:read', { unitCodes: await this.ctx.repo.unitsInvolved(dossier) }, code);
    return this.view(code);
  }

  /** The dossiers the actor may see, newest first, filtered. */
  search(actor: Actor, filters: DossierFilters): Promise<{ total: number; items: DossierSummary[] }> {
    return searchDossiers(this.ctx, actor, filters);
  }

  inbox(actor: Actor, filter: InboxFilter): Promise<InboxItem[]> {
    return inbox(this.ctx, actor, filter);
  }

  claim(actor: Actor, taskId: number): Promise<TaskView> {
    return claim(this.ctx, actor, taskId);
  }

  /** The colleagues the task may be handed to. */
  assignees(actor: Actor, taskId: number): Promise<Assignee[]> {
    return assignees(this.ctx, actor, taskId);
  }

  /** Hands the task to a colleague, or back to the unit's pool. */
  assign(actor: Actor, taskId: number, input: AssignInput): Promise<TaskView> {
    return assign(this.ctx, actor, taskId, input);
  }

  async complete(
    actor: Actor,
    taskId: number,
    input: CompletionInput,
  ): Promise<{ task: TaskView; dossier: DossierView }> {
    const { code } = await complete(this.ctx, actor, taskId, input);
    return { task: taskView((await this.ctx.repo.taskById(taskId))!, code), dossier: await this.view(code) };
  }

  async pause(actor: Actor, code: string, input: PauseInput): Promise<DossierView> {
    await pause(this.ctx, actor, code, input);
    return this.view(code);
  }

  async resume(actor: Actor, code: string, note?: string): Promise<DossierView> {
    await resume(this.ctx, actor, code, note);
    return this.view(code);
  }

  async withdraw(actor: Actor, code: string, reason: string): Promise<DossierView> {
    await withdraw(this.ctx, actor, code, reason);
    return this.view(code);
  }

  async returnResult(actor: Actor, code: string): Promise<DossierView> {
    await returnResult(this.ctx, actor, code);
    return this.view(code);
  }

  async apologise(actor: Actor, code: string, input: ApologyInput): Promise<DossierView> {
    await apologise(this.ctx, actor, code, input);
    return this.view(code);
  }

  /** Moves in-flight dossiers of a procedure to another version (dry run first). */
  migrate(actor: Actor, procedureCode: string, input: MigrationInput): Promise<MigrationReport> {
    return migrateDossiers(this.ctx, actor, procedureCode, input);
  }

  /** The dossier's handovers and each unit's share of the legal time, for those allowed to see the dossier. */
  async controlSlip(actor: Actor, code: string): Promise<ControlSlip> {
    await this.get(actor, code);
    return controlSlip(this.ctx, (await this.ctx.repo.byCode(code))!);
  }

  /** The unit's register (sổ theo dõi hồ sơ) over a period, for its staff and the oversight roles. */
  register(actor: Actor, query: RegisterQuery): Promise<{ total: number; items: RegisterEntry[] }> {
    return register(this.ctx, actor, query);
  }

  /** Everything the dossier's forms print, for those allowed to see the dossier. */
  async paperwork(actor: Actor, code: string): Promise<Paperwork> {
    const dossier = await this.get(actor, code);
    return paperworkOf(this.ctx, (await this.ctx.repo.byCode(code))!, dossier);
  }

  private async view(code: string): Promise<DossierView> {
    const dossier = await this.ctx.repo.byCode(code);
    if (!dossier) throw new DossierNotFound(code);
    const procedure = await this.ctx.catalogue.get(dossier.procedure_code);
    const version = await this.ctx.repo.versionNumber(dossier.version_id);
    const tasks = await this.ctx.repo.openTasks(dossier.id);
    const today = localDate(this.ctx.clock());
    return dossierView(dossier, procedure, version, this.ctx.units, tasks, today, this.ctx.settings.rules);
  }
}
