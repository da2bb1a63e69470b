import type { Actor } from '../auth/policy.js';
import { vietnameseDateTime } from '../calendar/index.js';
import { BadRequest, Conflict, Unprocessable } from '../errors.js';
import { assertOpen } from './actions.js';
import { changeDossier } from './command.js';
import type { DossierContext } from './context.js';
import { mayHandle, notifyApplicant } from './handling.js';
import { formIssued } from './paperwork.js';
import { deskOf, type DossierRow } from './repository.js';
import type { WorkingCalendar } from '../calendar/index.js';

export interface ApologyInput {
  reason: string;
  appointmentAt: string;
}

/**
 * A unit that will be late apologises and asks for more time (Mẫu 04): a leader of a unit handling the dossier signs
 * it (the route's action, `dossiers:extend`), no later than the lead before the due time, at most as often as the rules allow; the appointment moves, the
 * legal due time (and lateness) stand.
 */
export async function apologise(ctx: DossierContext, actor: Actor, code: string, input: ApologyInput): Promise<void> {
  await changeDossier(ctx, { code }, actor, async (trx, dossier, at) => {
    await mayHandle(ctx, trx, actor, dossier);
    assertOpen('apology', { ...dossier, openTasks: 0 }, ctx.settings.rules);
    const calendar = ctx.calendars.forUnit(ctx.units.get(deskOf(dossier)));
    assertExtensionAllowed(ctx, calendar, dossier, input.appointmentAt, at);
    const previous = dossier.appointment_at;
    const extension = dossier.extension_count + 1;
    await ctx.repo.updateDossier(trx, dossier.id, { appointment_at: input.appointmentAt, extension_count: extension });
    await notifyApplicant(
      ctx,
      trx,
      dossier,
      { kind: 'apology', reason: input.reason, appointmentAt: input.appointmentAt },
      at,
    );
    return [
      {
        type: 'dossier.apology',
        payload: {
          reason: input.reason,
          appointmentAt: input.appointmentAt,
          previousAppointmentAt: previous,
          extension,
        },
      },
      formIssued('apology', at),
    ];
  });
}

/** The rules of the request for extension on time and length; the count and the status are `actions.ts`'s. */
function assertExtensionAllowed(
  ctx: DossierContext,
  calendar: WorkingCalendar,
  dossier: DossierRow,
  appointmentAt: string,
  at: Date,
): void {
  const previous = dossier.appointment_at;
  if (appointmentAt <= at.toISOString() || (previous && appointmentAt <= previous)) {
    throw new BadRequest('appointment-not-later', 'Ngày hẹn mới phải sau thời điểm hiện tại và sau ngày hẹn cũ.');
  }
  if (!dossier.due_at) return;
  const { apologyLeadHours, extensionMaxWorkingDays } = ctx.settings.rules;
  const due = new Date(dossier.due_at);
  if (calendar.between(at, due) < apologyLeadHours * 60) {
    throw new Conflict(
      'extension-too-late',
      `Văn bản xin lỗi và đề nghị gia hạn phải ban hành chậm nhất ${apologyLeadHours} giờ làm việc trước hạn giải quyết (${vietnameseDateTime(dossier.due_at)}).`,
    );
  }
  if (
    extensionMaxWorkingDays !== null &&
    appointmentAt > calendar.addHours(due, extensionMaxWorkingDays * 8).toISOString()
  ) {
    throw new Unprocessable(
      'extension-too-long',
      `Thời gian gia hạn không được quá ${extensionMaxWorkingDays} ngày làm việc sau hạn giải quyết (${vietnameseDateTime(dossier.due_at)}).`,
    );
  }
}
