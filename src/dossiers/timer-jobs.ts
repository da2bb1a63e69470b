import type { Knex } from 'knex';
import type { NewEvent } from '../audit/log.js';
import { vietnameseDateTime } from '../calendar/index.js';
import type { Job } from '../scheduler/jobs.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import { Conflict } from '../errors.js';
import { CLOSED, PAUSED, PROCESSING, RECEIVED } from '../vocabulary/statuses.js';
import { changeDossier } from './command.js';
import type { DossierContext } from './context.js';
import { deskOf, type DossierRow, type TaskRow } from './repository.js';
import { takeStep, writeStep } from './step.js';
import { TIMERS } from './watch.js';

/** Registers what each timer does when it fires. Each checks that it still applies and acts at most once. */
export function handleTimers(scheduler: Scheduler, ctx: DossierContext): void {
  scheduler.handle(TIMERS.lateRisk, (job) =>
    onDossier(ctx, job, async (trx, dossier, at) => {
      if (!(await ctx.repo.markDossierOnce(trx, dossier.id, 'late_risk_at', { late_risk_at: at }))) return [];
      const open = await ctx.repo.openTasks(dossier.id, trx);
      const message = `Hồ sơ ${dossier.code} sắp đến hạn giải quyết (${vietnameseDateTime(dossier.due_at!)}).`;
      await ctx.repo.insertAlerts(trx, [
        ...open.map((t) => alert(dossier, t.id, 'late-risk', t.unit_code, t.role, message, at)),
        ...unitsOf(dossier, open).map((unit) => alert(dossier, null, 'late-risk', unit, 'leader', message, at)),
      ]);
      return [
        { type: 'dossier.late-risk', payload: { dueAt: dossier.due_at, activities: open.map((t) => t.activity_id) } },
      ];
    }),
  );

  scheduler.handle(TIMERS.overdue, (job) =>
    onDossier(ctx, job, async (trx, dossier, at) => {
      const [holder] = (await ctx.repo.openTasks(dossier.id, trx)).sort((a, b) =>
        (a.due_at ?? '').localeCompare(b.due_at ?? ''),
      );
      const unit = holder?.unit_code ?? deskOf(dossier);
      const marked = await ctx.repo.markDossierOnce(trx, dossier.id, 'late_at', {
        late_at: dossier.due_at,
        late_activity_id: holder?.activity_id ?? null,
        late_unit_code: unit,
      });
      if (!marked) return [];
      const message = `Hồ sơ ${dossier.code} đã quá hạn giải quyết (hạn ${vietnameseDateTime(dossier.due_at!)})${holder ? ` tại bước “${holder.name}”` : ''}.`;
      await ctx.repo.insertAlerts(trx, [alert(dossier, holder?.id ?? null, 'overdue', unit, 'leader', message, at)]);
      return [
        {
          type: 'dossier.overdue',
          payload: { dueAt: dossier.due_at, activityId: holder?.activity_id ?? null, unitCode: unit },
        },
      ];
    }),
  );

  scheduler.handle(TIMERS.reminder, (job) =>
    onTask(ctx, job, async (trx, dossier, task, at) => {
      if (!(await ctx.repo.markTaskOnce(trx, task.id, 'reminded_at', at))) return [];
      const message = `Bước “${task.name}” của hồ sơ ${dossier.code} sắp đến hạn (${vietnameseDateTime(task.due_at!)}).`;
      await ctx.repo.insertAlerts(trx, [alert(dossier, task.id, 'reminder', task.unit_code, task.role, message, at)]);
      return [
        { type: 'task.reminded', payload: { taskId: task.id, activityId: task.activity_id, dueAt: task.due_at } },
      ];
    }),
  );

  scheduler.handle(TIMERS.escalation, (job) =>
    onTask(ctx, job, async (trx, dossier, task, at) => {
      if (!(await ctx.repo.markTaskOnce(trx, task.id, 'escalated_at', at))) return [];
      const message = `Bước “${task.name}” của hồ sơ ${dossier.code} đã quá hạn (${vietnameseDateTime(task.due_at!)}), cần lãnh đạo đơn vị chỉ đạo.`;
      await ctx.repo.insertAlerts(trx, [alert(dossier, task.id, 'escalation', task.unit_code, 'leader', message, at)]);
      return [
        {
          type: 'task.escalated',
          payload: { taskId: task.id, activityId: task.activity_id, unitCode: task.unit_code, dueAt: task.due_at },
        },
      ];
    }),
  );
}

/** Fires a BPMN timer event of a dossier's process (a step of its own); obsolete once the dossier is closed or the timer gone. */
export function handleBpmnTimers(scheduler: Scheduler, ctx: DossierContext): void {
  scheduler.handle(TIMERS.bpmn, async (job) => {
    const dossier = await ctx.repo.byId(job.dossierId!);
    if (!dossier || CLOSED.includes(dossier.status_code)) return;
    const { activityId, executionId } = job.payload as { activityId: string; executionId: string };
    try {
      const cause = [{ type: 'timer.fired', payload: { activityId, executionId } }];
      await changeDossier(
        ctx,
        { id: dossier.id },
        null,
        {
          prepare: (current) =>
            takeStep(ctx, current, (definition, state) => ctx.runner.fireTimer(definition, state, executionId), cause),
          apply: (trx, current, at, step) => writeStep(ctx, trx, current, step, at),
        },
        dossier,
      );
    } catch (err) {
      if (!(err instanceof Conflict)) throw err; // the timer was cancelled (its task completed first): nothing to do
    }
  });
}

/** A dossier timer applies while the clock runs toward the due time it was set for. */
function stillWatched(dossier: DossierRow, job: Job): boolean {
  return (
    [RECEIVED, PROCESSING].includes(dossier.status_code as 2 | 4) &&
    dossier.due_at === job.payload.dueAt &&
    !dossier.finished_at
  );
}

async function onDossier(
  ctx: DossierContext,
  job: Job,
  act: (trx: Knex.Transaction, dossier: DossierRow, at: string) => Promise<NewEvent[]>,
): Promise<void> {
  const dossier = await ctx.repo.byId(job.dossierId!);
  if (!dossier || !stillWatched(dossier, job)) return;
  await changeDossier(ctx, { id: dossier.id }, null, async (trx, fresh, at) =>
    stillWatched(fresh, job) ? act(trx, fresh, at.toISOString()) : [],
  );
}

async function onTask(
  ctx: DossierContext,
  job: Job,
  act: (trx: Knex.Transaction, dossier: DossierRow, task: TaskRow, at: string) => Promise<NewEvent[]>,
): Promise<void> {
  const dossier = await ctx.repo.byId(job.dossierId!);
  if (!dossier) return;
  await changeDossier(ctx, { id: dossier.id }, null, async (trx, fresh, at) => {
    const task = await ctx.repo.taskById(job.taskId!, trx);
    const applies =
      task &&
      ['open', 'claimed'].includes(task.status) &&
      task.due_at === job.payload.dueAt &&
      !PAUSED.includes(fresh.status_code);
    return applies ? act(trx, fresh, task, at.toISOString()) : [];
  });
}

function unitsOf(dossier: DossierRow, open: TaskRow[]): string[] {
  return [...new Set(open.length ? open.map((t) => t.unit_code) : [deskOf(dossier)])];
}

function alert(
  dossier: DossierRow,
  taskId: number | null,
  kind: string,
  unitCode: string,
  role: string,
  message: string,
  at: string,
) {
  return { dossier_id: dossier.id, task_id: taskId, kind, unit_code: unitCode, role, message, raised_at: at };
}
