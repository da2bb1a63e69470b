import type { Knex } from 'knex';
import { authorize, type Actor } from '../auth/policy.js';
import type { ApplicantNotice } from '../notifications/messages.js';
import type { DossierContext } from './context.js';
import { deskOf, type DossierRow } from './repository.js';
import { assertVisible } from './visibility.js';

/** Officers and leaders of the handling unit, of a unit holding one of the dossier's open tasks, or of `also`. */
export async function mayHandle(
  ctx: DossierContext,
  trx: Knex.Transaction,
  actor: Actor,
  dossier: DossierRow,
  also: string[] = [],
): Promise<void> {
  await assertVisible(ctx, actor, dossier, trx);
  const open = await ctx.repo.openTasks(dossier.id, trx);
  authorize(actor, 'dossiers:handle', { unitCodes: [deskOf(dossier), ...open.map((t) => t.unit_code), ...also] });
}

/** Tells the applicant, by the outbox in the same transaction, what happened to their dossier. */
export async function notifyApplicant(
  ctx: DossierContext,
  trx: Knex.Transaction,
  dossier: DossierRow,
  notice: ApplicantNotice,
  at: Date,
  /** The procedure's name, when the caller has it at hand. */
  procedureName?: string,
): Promise<void> {
  procedureName ??= (await ctx.catalogue.get(dossier.procedure_code, trx)).name;
  await ctx.outbox.notify(
    trx,
    { id: dossier.id, code: dossier.code, procedureName },
    { phone: dossier.applicant_phone, email: dossier.applicant_email },
    notice,
    at,
  );
}
