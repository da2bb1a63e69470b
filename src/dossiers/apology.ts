import type { Actor } from '../auth/policy.js';
import { assertOpen } from './actions.js';
import { BadRequest } from '../errors.js';
import { changeDossier } from './command.js';
import type { DossierContext } from './context.js';
import { mayHandle, notifyApplicant } from './handling.js';
import { deskOf } from './repository.js';

export interface ApologyInput {
  reason: string;
  appointmentAt: string;
}

/** A unit that will be late apologises and gives a new appointment; the legal due time (and lateness) stand. */
export async function apologise(ctx: DossierContext, actor: Actor, code: string, input: ApologyInput): Promise<void> {
  await changeDossier(ctx, { code }, actor, async (trx, dossier, at) => {
    await mayHandle(ctx, trx, actor, dossier);
    assertOpen('apology', { ...dossier, openTasks: 0 });
    const previous = dossier.appointment_at;
    if (input.appointmentAt <= at.toISOString() || (previous && input.appointmentAt <= previous)) {
      throw new BadRequest('appointment-not-later', 'Ngày hẹn mới phải sau thời điểm hiện tại và sau ngày hẹn cũ.');
    }
    const calendar = ctx.calendars.forUnit(ctx.units.get(deskOf(dossier)));
    const lead = ctx.settings.rules.apologyLeadHours * 60;
    const timely = dossier.due_at !== null && calendar.between(at, new Date(dossier.due_at)) >= lead;
    await ctx.repo.updateDossier(trx, dossier.id, { appointment_at: input.appointmentAt });
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
        payload: { reason: input.reason, appointmentAt: input.appointmentAt, previousAppointmentAt: previous, timely },
      },
      { type: 'form.issued', payload: { form: 'apology' } },
    ];
  });
}
