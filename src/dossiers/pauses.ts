import { authorize, type Actor } from '../auth/policy.js';
import { assertOpen, stoppedForGood } from './actions.js';
import { afterPause } from '../calendar/index.js';
import { BadRequest, Conflict } from '../errors.js';
import type { ApplicantNotice } from '../notifications/messages.js';
import { AWAITING_OBLIGATION, STOPPED, SUPPLEMENTING } from '../vocabulary/statuses.js';
import type { FormKind } from '../vocabulary/form-names.js';
import { formIssued } from './paperwork.js';
import { changeDossier } from './command.js';
import type { DossierContext } from './context.js';
import { mayHandle, notifyApplicant } from './handling.js';
import { acceptSupplemented } from './receipt.js';
import { deskOf } from './repository.js';
import { assertVisible } from './visibility.js';
import { watchDossier, watchTask } from './watch.js';

/** Why the clock stops: the applicant must supply items, pay what is owed, or processing is stopped. */
export const PAUSE_KINDS = { supplement: SUPPLEMENTING, obligation: AWAITING_OBLIGATION, stop: STOPPED } as const;
export type PauseKind = keyof typeof PAUSE_KINDS;

const PAUSE_FORMS: Record<PauseKind, FormKind> = {
  supplement: 'supplement-request',
  obligation: 'obligation-notice',
  stop: 'stop-notice',
};

export interface PauseInput {
  kind: PauseKind;
  reason: string;
  /** Every item the applicant must supply (one request lists them all). */
  items?: string[] | undefined;
  /** The legal ground of a stop notice (căn cứ), printed on it. */
  ground?: string | undefined;
}

/**
 * Stops the statutory clock until the applicant acts. A stop notice issued under rules that make it final (Mẫu 05,
 * from 15/9/2025) ends the handling instead: its open tasks are cancelled and it is never resumed.
 */
export async function pause(ctx: DossierContext, actor: Actor, code: string, input: PauseInput): Promise<void> {
  if (input.kind === 'supplement' && !input.items?.length) {
    throw new BadRequest(
      'missing-items-required',
      'Yêu cầu bổ sung phải liệt kê đầy đủ các giấy tờ, nội dung còn thiếu (items).',
    );
  }
  await changeDossier(ctx, { code }, actor, async (trx, dossier, at) => {
    await mayHandle(ctx, trx, actor, dossier);
    assertOpen(input.kind, { ...dossier, openTasks: 0 }, ctx.settings.rules);
    const status = PAUSE_KINDS[input.kind];
    const now = at.toISOString();
    const ending = input.kind === 'stop' && stoppedForGood({ status_code: status, paused_at: now });
    if (ending && !input.ground?.trim()) {
      throw new BadRequest('ground-required', 'Thông báo dừng giải quyết hồ sơ phải nêu căn cứ pháp lý (ground).');
    }
    const cancelled = ending ? await ctx.repo.openTasks(dossier.id, trx) : [];
    await ctx.repo.cancelTasks(
      trx,
      cancelled.map((t) => t.id),
      now,
    );
    await ctx.repo.insertPause(trx, {
      dossier_id: dossier.id,
      status_code: status,
      status_before: dossier.status_code,
      reason: input.reason,
      items: input.items ? JSON.stringify(input.items) : null,
      started_by: actor.id,
      started_at: now,
    });
    await ctx.repo.updateDossier(trx, dossier.id, {
      status_code: status,
      paused_at: now,
      status_reason: input.reason,
      missing_items: input.items ? JSON.stringify(input.items) : null,
    });
    const notice: ApplicantNotice =
      input.kind === 'supplement'
        ? { kind: 'supplement-requested', items: input.items! }
        : input.kind === 'obligation'
          ? { kind: 'obligation-requested', reason: input.reason }
          : { kind: 'stopped', reason: input.reason, final: ending };
    await notifyApplicant(ctx, trx, dossier, notice, at);
    return [
      {
        type: 'dossier.paused',
        payload: {
          kind: input.kind,
          reason: input.reason,
          items: input.items ?? null,
          ...(input.kind === 'stop' ? { ground: input.ground ?? null, final: ending } : {}),
        },
      },
      ...cancelled.map((t) => ({
        type: 'task.cancelled',
        payload: { taskId: t.id, activityId: t.activity_id, reason: 'stopped' },
      })),
      { type: 'status.changed', payload: { from: dossier.status_code, to: status } },
      formIssued(PAUSE_FORMS[input.kind], at),
    ];
  });
}

/**
 * The applicant supplied what was missing, paid, or the stop is lifted: the clock runs again and every due time moves
 * by the working time the pause lasted. A dossier that waited at receipt is accepted now instead.
 */
export async function resume(ctx: DossierContext, actor: Actor, code: string, note?: string): Promise<void> {
  const current = await ctx.repo.byCode(code);
  if (current?.status_code === SUPPLEMENTING && !current.clock_started_at) {
    await assertVisible(ctx, actor, current);
    authorize(actor, 'dossiers:handle', { unitCodes: [current.unit_code] });
    return acceptSupplemented(ctx, actor, code, note);
  }
  await changeDossier(ctx, { code }, actor, async (trx, dossier, at) => {
    await mayHandle(ctx, trx, actor, dossier);
    const pauseRow = await ctx.repo.currentPause(dossier.id, trx);
    assertOpen('resume', { ...dossier, openTasks: 0 }, ctx.settings.rules);
    if (!pauseRow || !dossier.paused_at) throw new Conflict('not-paused', 'Hồ sơ không ở trạng thái tạm dừng.');
    const calendar = ctx.calendars.forUnit(ctx.units.get(deskOf(dossier)));
    const from = new Date(dossier.paused_at);
    const minutes = Math.max(0, calendar.between(from, at));
    const shift = (iso: string | null) => (iso ? afterPause(calendar, new Date(iso), from, at).toISOString() : null);
    const moved = { due_at: shift(dossier.due_at), appointment_at: shift(dossier.appointment_at) };
    await ctx.repo.endPause(trx, pauseRow.id, actor.id, at.toISOString(), minutes);
    await ctx.repo.updateDossier(trx, dossier.id, {
      ...moved,
      status_code: pauseRow.status_before,
      paused_at: null,
      paused_minutes: dossier.paused_minutes + minutes,
      missing_items: null,
      status_reason: null,
    });
    await watchDossier(
      ctx,
      trx,
      { id: dossier.id, clock_started_at: dossier.clock_started_at, due_at: moved.due_at },
      calendar,
    );
    for (const task of await ctx.repo.openTasks(dossier.id, trx)) {
      const taskCalendar = ctx.calendars.forUnit(ctx.units.get(task.unit_code));
      const dueAt = task.due_at ? afterPause(taskCalendar, new Date(task.due_at), from, at).toISOString() : null;
      await ctx.repo.updateTask(trx, task.id, { due_at: dueAt });
      await watchTask(ctx, trx, { ...task, due_at: dueAt }, taskCalendar);
    }
    await notifyApplicant(ctx, trx, dossier, { kind: 'resumed', appointmentAt: moved.appointment_at }, at);
    return [
      {
        type: 'dossier.resumed',
        payload: { kind: kindOf(pauseRow.status_code), note: note ?? null, pausedWorkingMinutes: minutes, ...moved },
      },
      { type: 'status.changed', payload: { from: dossier.status_code, to: pauseRow.status_before } },
    ];
  });
}

function kindOf(status: number): PauseKind {
  return (Object.keys(PAUSE_KINDS) as PauseKind[]).find((k) => PAUSE_KINDS[k] === status)!;
}
