import type { Actor } from '../auth/policy.js';
import { assertOpen } from './actions.js';
import { PROCESSED, RETURNED, WITHDRAWN } from '../vocabulary/statuses.js';
import { changeDossier } from './command.js';
import type { DossierContext } from './context.js';
import { mayHandle, notifyApplicant } from './handling.js';
import { resultUnitOf } from './receiving.js';
import { localDate } from '../calendar/index.js';

/** The applicant withdraws the dossier: its open tasks are cancelled and nothing more happens to it. */
export async function withdraw(ctx: DossierContext, actor: Actor, code: string, reason: string): Promise<void> {
  await changeDossier(ctx, { code }, actor, async (trx, dossier, at) => {
    await mayHandle(ctx, trx, actor, dossier);
    assertOpen('withdraw', { ...dossier, openTasks: 0 }, ctx.settings.rules);
    const open = await ctx.repo.openTasks(dossier.id, trx);
    await ctx.repo.cancelTasks(
      trx,
      open.map((t) => t.id),
      at.toISOString(),
    );
    await ctx.repo.updateDossier(trx, dossier.id, { status_code: WITHDRAWN, status_reason: reason, paused_at: null });
    await notifyApplicant(ctx, trx, dossier, { kind: 'withdrawn' }, at);
    return [
      { type: 'dossier.withdrawn', payload: { reason } },
      ...open.map((t) => ({
        type: 'task.cancelled',
        payload: { taskId: t.id, activityId: t.activity_id, reason: 'withdrawn' },
      })),
      { type: 'status.changed', payload: { from: dossier.status_code, to: WITHDRAWN } },
    ];
  });
}

/**
 * Hands the result to the applicant, for processes that end before the desk returns it: the handling unit, or the
 * receiving desk the applicant chose to collect it at.
 */
export async function returnResult(ctx: DossierContext, actor: Actor, code: string): Promise<void> {
  await changeDossier(ctx, { code }, actor, async (trx, dossier, at) => {
    await mayHandle(ctx, trx, actor, dossier, [resultUnitOf(dossier, ctx.units, localDate(at))]);
    assertOpen(
      'return',
      { ...dossier, openTasks: (await ctx.repo.openTasks(dossier.id, trx)).length },
      ctx.settings.rules,
    );
    await ctx.repo.updateDossier(trx, dossier.id, { status_code: RETURNED, returned_at: at.toISOString() });
    await notifyApplicant(ctx, trx, dossier, { kind: 'returned' }, at);
    return [
      { type: 'dossier.returned', payload: {} },
      { type: 'status.changed', payload: { from: PROCESSED, to: RETURNED } },
    ];
  });
}
