import type { Knex } from 'knex';
import { GENESIS_HASH } from '../audit/chain.js';
import { appendEvents, VersionConflict } from '../audit/log.js';
import { authorize, TASK_ROLES, type Actor } from '../auth/policy.js';
import { localDate, type WorkingCalendar } from '../calendar/index.js';
import type { Catalogue, Procedure } from '../catalogue/catalogue.js';
import type { FormValidator } from '../catalogue/forms.js';
import { EngineFailure, NotWaiting, type ProcessRunner } from '../engine/runner.js';
import { BadRequest, Conflict, NotFound, Unprocessable } from '../errors.js';
import type { Unit, UnitDirectory } from '../units/directory.js';
import type { Channel } from '../vocabulary/channels.js';
import { dayKey, dossierCode } from './codes.js';
import { DossierRepository, OPEN_STATUSES, type DossierRow, type TaskRow } from './repository.js';
import { RECEIVED } from '../vocabulary/statuses.js';
import { persistStep } from './step.js';
import { dossierView, taskView, type DossierView, type TaskView } from './views.js';

export interface ReceiptInput {
  procedureCode: string;
  unitCode: string;
  channel: Channel;
  applicant: { fullName: string; idNumber: string; phone?: string | undefined; email?: string | undefined };
  data: Record<string, unknown>;
}

export interface CompletionInput {
  outcome?: string | undefined;
  comment?: string | undefined;
  data?: Record<string, unknown> | undefined;
}

export interface DossierDeps {
  knex: Knex;
  catalogue: Catalogue;
  forms: FormValidator;
  units: UnitDirectory;
  runner: ProcessRunner;
  calendar: () => WorkingCalendar;
  clock: () => Date;
}

// Concurrent changes to one dossier are retried this many times before the caller is asked to try again.
const MAX_ATTEMPTS = 8;

/** Receipt of dossiers and the work on their tasks: every change is one transaction and one link in the audit chain. */
export class Dossiers {
  private readonly repo: DossierRepository;

  constructor(private readonly deps: DossierDeps) {
    this.repo = new DossierRepository(deps.knex);
  }

  /** Receives a dossier at a unit's desk: allocates its code, starts its procedure's process, opens the first tasks. */
  async receive(actor: Actor, input: ReceiptInput): Promise<DossierView> {
    const at = this.deps.clock();
    const procedure = await this.findProcedure(input.procedureCode);
    const unit = this.deps.units.get(input.unitCode);
    if (!unit) throw new Unprocessable('unknown-unit', `Không có đơn vị mã "${input.unitCode}".`);
    authorize(actor, 'dossiers:receive', { unitCode: unit.code });
    this.assertReceivable(procedure, unit, at);
    this.deps.forms.assertValid(procedure, input.data);
    const version = await this.deps.catalogue.versionInForce(procedure.code, at);
    const definition = await this.deps.catalogue.definitionOf(version.id);
    const result = await this.deps.runner.start(definition).catch((err: unknown) => Promise.reject(this.busyOr(err)));
    const calendar = this.deps.calendar();
    const receivedAt = at.toISOString();
    const dueAt = procedure.timeLimitHours === null ? null : calendar.addHours(at, procedure.timeLimitHours).toISOString();

    const code = await this.repo.transaction(async (trx) => {
      const seq = await this.repo.nextSequence(trx, unit.agencyId, dayKey(localDate(at)));
      const row: Omit<DossierRow, 'id'> = {
        code: dossierCode(unit.agencyId, localDate(at), seq),
        procedure_code: procedure.code,
        version_id: version.id,
        unit_code: unit.code,
        channel: input.channel,
        applicant_name: input.applicant.fullName.trim(),
        applicant_id_number: input.applicant.idNumber,
        applicant_phone: input.applicant.phone ?? null,
        applicant_email: input.applicant.email ?? null,
        data: JSON.stringify(input.data),
        status_code: RECEIVED,
        received_by: actor.id,
        received_at: receivedAt,
        due_at: dueAt,
        finished_at: null,
        version: 0,
        last_hash: GENESIS_HASH,
        updated_at: receivedAt,
      };
      const id = await this.repo.insertDossier(trx, row, result.state);
      const received = {
        type: 'dossier.received',
        payload: { code: row.code, procedureCode: procedure.code, versionId: version.id, unitCode: unit.code, channel: input.channel, applicant: input.applicant, data: input.data, dueAt },
      };
      await persistStep(this.stepDeps(calendar), {
        trx, dossier: { ...row, id }, departmentCode: procedure.departmentCode, definition, result, actor, at, cause: [received],
      });
      return row.code;
    });
    return this.view(code);
  }

  /** A dossier with its open tasks, for anyone allowed to see it. */
  async get(actor: Actor, code: string): Promise<DossierView> {
    const dossier = await this.repo.byCode(code);
    if (!dossier) throw new NotFound('unknown-dossier', `Không tìm thấy hồ sơ mã "${code}".`);
    authorize(actor, 'dossiers:read', { unitCodes: await this.repo.unitsInvolved(dossier) });
    return this.view(code);
  }

  /** The actor's inbox: open tasks of the roles they hold at their unit, the most urgent first. */
  async inbox(actor: Actor, page: { limit: number; offset: number }): Promise<TaskView[]> {
    const roles = actor.roles.filter((r) => TASK_ROLES.includes(r));
    if (!actor.unitCode || !roles.length) return [];
    const rows = await this.repo.inbox(actor.unitCode, roles, page.limit, page.offset);
    return rows.map((row) => taskView(row, row.dossier_code));
  }

  /** Takes an open task so that colleagues see it is being handled. Claiming one's own task again is harmless. */
  async claim(actor: Actor, taskId: number): Promise<TaskView> {
    for (let attempt = 1; ; attempt++) {
      const { task, dossier } = await this.loadTask(actor, taskId);
      if (task.status === 'claimed' && task.claimed_by === actor.id) return taskView(task, dossier.code);
      if (task.status !== 'open') throw this.notOpen(task);
      const at = this.deps.clock().toISOString();
      try {
        await this.repo.transaction(async (trx) => {
          if (!(await this.repo.claimTask(trx, task.id, actor.id, at))) throw new VersionConflict(dossier.id);
          const head = { dossierId: dossier.id, version: dossier.version, lastHash: dossier.last_hash };
          const context = { actorId: actor.id, actorUnit: actor.unitCode, at, bpmnSha256: null };
          await appendEvents(trx, head, context, [{ type: 'task.claimed', payload: { taskId: task.id, activityId: task.activity_id } }]);
        });
        return taskView((await this.repo.taskById(task.id))!, dossier.code);
      } catch (err) {
        if (!(err instanceof VersionConflict) || attempt >= MAX_ATTEMPTS) throw this.busyOr(err);
      }
    }
  }

  /** Completes a task with its outcome: the process moves to its next wait, in one transaction. */
  async complete(actor: Actor, taskId: number, input: CompletionInput): Promise<{ task: TaskView; dossier: DossierView }> {
    for (let attempt = 1; ; attempt++) {
      const { task, dossier } = await this.loadTask(actor, taskId);
      this.assertActionable(task, actor);
      const outcome = this.checkOutcome(task, input.outcome);
      const procedure = await this.deps.catalogue.get(dossier.procedure_code);
      const definition = await this.deps.catalogue.definitionOf(dossier.version_id);
      const calendar = this.deps.calendar();
      const at = this.deps.clock();
      try {
        const state = await this.repo.stateOf(dossier.id);
        const result = await this.deps.runner.signal(definition, state, { executionId: task.execution_id, outcome });
        await this.repo.transaction(async (trx) => {
          const done = await this.repo.completeTask(trx, task.id, actor.id, {
            at: at.toISOString(),
            outcome,
            comment: input.comment ?? null,
            data: input.data ? JSON.stringify(input.data) : null,
          });
          if (!done) throw new VersionConflict(dossier.id);
          const completed = {
            type: 'task.completed',
            payload: { taskId: task.id, activityId: task.activity_id, executionId: task.execution_id, outcome, comment: input.comment ?? null, data: input.data ?? null },
          };
          await persistStep(this.stepDeps(calendar), {
            trx, dossier, departmentCode: procedure.departmentCode, definition, result, actor, at, cause: [completed],
          });
        });
        return { task: taskView((await this.repo.taskById(task.id))!, dossier.code), dossier: await this.view(dossier.code) };
      } catch (err) {
        // Someone else moved this dossier first: try again from what is stored now; the next attempt reports
        // 409 if it was this very task that they completed.
        const raced = err instanceof VersionConflict || err instanceof NotWaiting;
        if (!raced || attempt >= MAX_ATTEMPTS) throw this.busyOr(err);
      }
    }
  }

  private async view(code: string): Promise<DossierView> {
    const dossier = (await this.repo.byCode(code))!;
    const procedure = await this.deps.catalogue.get(dossier.procedure_code);
    return dossierView(dossier, procedure, this.deps.units, await this.repo.openTasks(dossier.id));
  }

  private stepDeps(calendar: WorkingCalendar) {
    return { repo: this.repo, units: this.deps.units, calendar };
  }

  private async findProcedure(code: string): Promise<Procedure> {
    try {
      return await this.deps.catalogue.get(code);
    } catch (err) {
      if (err instanceof NotFound) throw new Unprocessable('unknown-procedure', err.message);
      throw err;
    }
  }

  private assertReceivable(procedure: Procedure, unit: Unit, at: Date): void {
    if (procedure.status !== 'active') {
      throw new Conflict('procedure-abolished', `Thủ tục "${procedure.name}" đã bãi bỏ, không tiếp nhận hồ sơ mới.`);
    }
    if (!this.deps.units.isInForce(unit, localDate(at))) {
      throw new Unprocessable('unit-not-in-force', `Đơn vị "${unit.name}" không còn tiếp nhận hồ sơ.`);
    }
    const handled = procedure.levels.includes(unit.level) && (!procedure.departmentCode || procedure.departmentCode === unit.code);
    if (!handled) {
      throw new Unprocessable('procedure-not-handled-here', `Thủ tục "${procedure.name}" không được giải quyết tại ${unit.name}.`);
    }
  }

  private async loadTask(actor: Actor, taskId: number): Promise<{ task: TaskRow; dossier: DossierRow }> {
    const task = await this.repo.taskById(taskId);
    if (!task) throw new NotFound('unknown-task', `Không có công việc số ${taskId}.`);
    authorize(actor, 'tasks:act', { role: task.role, unitCode: task.unit_code });
    return { task, dossier: (await this.repo.byId(task.dossier_id))! };
  }

  private assertActionable(task: TaskRow, actor: Actor): void {
    if (!OPEN_STATUSES.includes(task.status)) throw this.notOpen(task);
    if (task.status === 'claimed' && task.claimed_by !== actor.id) {
      throw new Conflict('task-claimed', 'Công việc này đang do cán bộ khác xử lý.');
    }
  }

  private notOpen(task: TaskRow): Conflict {
    if (task.status === 'claimed') return new Conflict('task-claimed', 'Công việc này đang do cán bộ khác xử lý.');
    return task.status === 'completed'
      ? new Conflict('task-completed', 'Công việc này đã được hoàn thành.')
      : new Conflict('task-cancelled', 'Công việc này đã bị hủy do quy trình đã chuyển sang bước khác.');
  }

  private checkOutcome(task: TaskRow, outcome: string | undefined): string | null {
    const outcomes: string[] = JSON.parse(task.outcomes);
    if (outcome === undefined && !outcomes.length) return null;
    if (outcome !== undefined && outcomes.includes(outcome)) return outcome;
    throw new BadRequest(
      'invalid-outcome',
      outcomes.length
        ? `Kết quả xử lý (outcome) phải là một trong: ${outcomes.join(', ')}.`
        : 'Bước này không rẽ nhánh, không nhận kết quả xử lý (outcome).',
      { allowed: outcomes },
    );
  }

  private busyOr(err: unknown): unknown {
    if (err instanceof VersionConflict || err instanceof NotWaiting) {
      return new Conflict('dossier-busy', 'Hồ sơ đang được cập nhật đồng thời, vui lòng thử lại.');
    }
    if (err instanceof EngineFailure) {
      return new Unprocessable('process-failed', `Quy trình của thủ tục không thực hiện được bước tiếp theo: ${err.message}`);
    }
    return err;
  }
}
