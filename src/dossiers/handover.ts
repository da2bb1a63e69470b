import type { NewEvent } from '../audit/log.js';
import type { DossierContext } from './context.js';
import { changeDossier } from './command.js';
import { PROCESSED } from '../vocabulary/statuses.js';
import { deskOf, OPEN_STATUSES } from './repository.js';

/** Where a unit's work goes: the successor of `unitCode` for a dossier whose desk is `deskCode`, or null when it stays. */
export type SuccessorRule = (unitCode: string, deskCode: string) => string | null;

export interface HandoverReason {
  reorganisationId: number;
  name: string;
  effectiveDate: string;
}

/**
 * Codes of the dossiers still in hand (in progress, paused, or processed with the result not yet returned) whose desk or
 * an open task sits at one of `units`, in code order after `after`.
 */
export async function dossiersAt(
  ctx: DossierContext,
  units: readonly string[],
  limit: number,
  after = '',
): Promise<string[]> {
  const rows = await ctx
    .knex('dossiers as d')
    .where((q) =>
      q.whereNull('d.finished_at').orWhere((r) => r.where('d.status_code', PROCESSED).whereNull('d.returned_at')),
    )
    .where('d.code', '>', after)
    .where((q) =>
      q
        .whereIn(ctx.knex.raw('coalesce(d.handling_unit_code, d.competent_unit_code, d.unit_code)') as never, units)
        .orWhereExists((t) =>
          t
            .from('tasks')
            .whereRaw('tasks.dossier_id = d.id')
            .whereIn('tasks.status', OPEN_STATUSES)
            .whereIn('tasks.unit_code', units),
        ),
    )
    .orderBy('d.code')
    .limit(limit)
    .select('d.code');
  return rows.map((r: { code: string }) => r.code);
}

/**
 * Hands one dossier over to the successors of the units that held it, in one transaction: its desk, its open tasks and
 * their unacknowledged alerts move; a `dossier.handedOver` event records every move (the control slip shows it).
 * Running it again on a dossier already handed over changes nothing.
 */
export async function handOver(
  ctx: DossierContext,
  code: string,
  successor: SuccessorRule,
  reason: HandoverReason,
): Promise<boolean> {
  let moved = false;
  await changeDossier(ctx, { code }, null, async (trx, dossier) => {
    const desk = deskOf(dossier);
    const newDesk = successor(desk, desk);
    const tasks = (await ctx.repo.openTasks(dossier.id, trx))
      .map((t) => ({
        taskId: t.id,
        activityId: t.activity_id,
        name: t.name,
        from: t.unit_code,
        to: successor(t.unit_code, desk),
      }))
      .filter((t): t is typeof t & { to: string } => t.to !== null);
    if (!newDesk && !tasks.length) return [];
    if (newDesk) await ctx.repo.updateDossier(trx, dossier.id, { handling_unit_code: newDesk });
    for (const t of tasks) {
      await ctx.repo.updateTask(trx, t.taskId, { unit_code: t.to });
      await trx('alerts')
        .where({ task_id: t.taskId, unit_code: t.from })
        .whereNull('acknowledged_at')
        .update({ unit_code: t.to });
    }
    moved = true;
    const event: NewEvent = {
      type: 'dossier.handedOver',
      payload: { ...reason, desk: newDesk ? { from: desk, to: newDesk } : null, tasks },
    };
    return [event];
  });
  return moved;
}
