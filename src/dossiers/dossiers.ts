import { authorize, type Actor } from '../auth/policy.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { DossierContext, DossierDeps } from './context.js';
import { apologise, pause, resume, returnResult, withdraw, type ApologyInput, type PauseInput } from './life.js';
import { receive, type ReceiptInput } from './receipt.js';
import { DossierRepository } from './repository.js';
import { handleTimers } from './timers.js';
import { dossierView, taskView, type DossierView, type TaskView } from './views.js';
import { claim, complete, inbox, type CompletionInput } from './work.js';
import { NotFound } from '../errors.js';

export type { ReceiptInput } from './receipt.js';
export type { CompletionInput } from './work.js';

/**
 * Dossiers from receipt to the return of the result. Every change is one transaction and one link in the dossier's
 * audit chain; the engine runs outside the transaction.
 */
export class Dossiers {
  private readonly ctx: DossierContext;

  constructor(deps: DossierDeps) {
    this.ctx = { ...deps, repo: new DossierRepository(deps.knex) };
  }

  /** Registers the dossiers' timers with the scheduler. */
  handleTimers(scheduler: Scheduler): void {
    handleTimers(scheduler, this.ctx);
  }

  async receive(actor: Actor, input: ReceiptInput): Promise<DossierView> {
    return this.view(await receive(this.ctx, actor, input));
  }

  /** A dossier with its open tasks, for anyone allowed to see it. */
  async get(actor: Actor, code: string): Promise<DossierView> {
    const dossier = await this.ctx.repo.byCode(code);
    if (!dossier) throw new NotFound('unknown-dossier', `Không tìm thấy hồ sơ mã "${code}".`);
    authorize(actor, 'dossiers:read', { unitCodes: await this.ctx.repo.unitsInvolved(dossier) });
    return this.view(code);
  }

  inbox(actor: Actor, page: { limit: number; offset: number }): Promise<TaskView[]> {
    return inbox(this.ctx, actor, page);
  }

  claim(actor: Actor, taskId: number): Promise<TaskView> {
    return claim(this.ctx, actor, taskId);
  }

  async complete(actor: Actor, taskId: number, input: CompletionInput): Promise<{ task: TaskView; dossier: DossierView }> {
    const code = await complete(this.ctx, actor, taskId, input);
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

  private async view(code: string): Promise<DossierView> {
    const dossier = await this.ctx.repo.byCode(code);
    if (!dossier) throw new NotFound('unknown-dossier', `Không tìm thấy hồ sơ mã "${code}".`);
    const procedure = await this.ctx.catalogue.get(dossier.procedure_code);
    return dossierView(dossier, procedure, this.ctx.units, await this.ctx.repo.openTasks(dossier.id));
  }
}
