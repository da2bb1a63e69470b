import type { Knex } from 'knex';
import { may, type Actor } from '../auth/policy.js';
import { DossierNotFound } from '../errors.js';
import type { DossierContext } from './context.js';
import type { DossierRow } from './repository.js';

/** Before any other check on a dossier: one the actor may not see is not found (404), exactly as a missing one. */
export async function assertVisible(ctx: DossierContext, actor: Actor, dossier: DossierRow, db?: Knex): Promise<void> {
  if (!may(actor, 'dossiers:read', { unitCodes: await ctx.repo.unitsInvolved(dossier, db) }))
    throw new DossierNotFound(dossier.code);
}
