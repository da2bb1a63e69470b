import type { Knex } from 'knex';
import type { WorkingCalendar } from '../calendar/index.js';
import type { DossierContext } from './context.js';
import type { DossierRow, TaskRow } from './repository.js';

/** The durable timers of a dossier's legal life. */
export const TIMERS = {
  lateRisk: 'dossier.late-risk',
  overdue: 'dossier.overdue',
  reminder: 'task.reminder',
  escalation: 'task.escalation',
  /** A timer event of the dossier's BPMN diagram. */
  bpmn: 'bpmn.timer',
} as const;

/**
 * Timers watching a dossier's legal due time: the late-risk alert (the lead before it, but not before half the time
 * allowed has run) and the overdue mark at it. Each carries the due time it was set for: when a pause moves the due
 * time, new timers are set and the old ones find themselves obsolete when they fire.
 */
export async function watchDossier(
  ctx: DossierContext,
  trx: Knex.Transaction,
  dossier: Pick<DossierRow, 'id' | 'clock_started_at' | 'due_at'>,
  calendar: WorkingCalendar,
): Promise<void> {
  if (!dossier.due_at || !dossier.clock_started_at) return;
  const riskAt = warnAt(calendar, dossier.clock_started_at, dossier.due_at, ctx.settings.rules.lateRiskLeadHours);
  const payload = { dueAt: dossier.due_at };
  await ctx.jobs.schedule(
    [
      { kind: TIMERS.lateRisk, dossierId: dossier.id, runAt: riskAt, payload },
      { kind: TIMERS.overdue, dossierId: dossier.id, runAt: dossier.due_at, payload },
    ],
    trx,
    ctx.clock(),
  );
}

/** Timers watching a task's own due time: a reminder to its holders, then escalation to the unit's leaders. */
export async function watchTask(
  ctx: DossierContext,
  trx: Knex.Transaction,
  task: Pick<TaskRow, 'id' | 'dossier_id' | 'created_at' | 'due_at'>,
  calendar: WorkingCalendar,
): Promise<void> {
  if (!task.due_at) return;
  const remindAt = warnAt(calendar, task.created_at, task.due_at, ctx.settings.rules.taskReminderLeadHours);
  const payload = { dueAt: task.due_at };
  await ctx.jobs.schedule(
    [
      { kind: TIMERS.reminder, dossierId: task.dossier_id, taskId: task.id, runAt: remindAt, payload },
      { kind: TIMERS.escalation, dossierId: task.dossier_id, taskId: task.id, runAt: task.due_at, payload },
    ],
    trx,
    ctx.clock(),
  );
}

function warnAt(calendar: WorkingCalendar, from: string, due: string, leadHours: number): string {
  const allowed = calendar.between(new Date(from), new Date(due));
  return calendar.add(new Date(from), Math.max(allowed - leadHours * 60, allowed / 2)).toISOString();
}
