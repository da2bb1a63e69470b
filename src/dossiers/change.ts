import type { Knex } from 'knex';
import { appendEvents, VersionConflict, type NewEvent } from '../audit/log.js';
import type { Actor } from '../auth/policy.js';
import { Conflict, DossierNotFound, NotFound } from '../errors.js';
import type { DossierContext } from './context.js';
import type { DossierRow } from './repository.js';

// Concurrent changes to one dossier are retried this many times before the caller is asked to try again.
export const MAX_ATTEMPTS = 8;

/**
 * One change to a dossier that does not run the engine (pause, resume, withdrawal, apology, alerts…): read the dossier,
 * check, write, and append the events that record the change, in one transaction. When another change to the same
 * dossier commits first, the version guard fails, nothing is written, and the change is tried again on the new state.
 */
export async function changeDossier(
  ctx: DossierContext,
  code: string,
  actor: Actor | null,
  write: (trx: Knex.Transaction, dossier: DossierRow, at: Date) => Promise<NewEvent[]>,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.knex.transaction(async (trx) => {
        const dossier = await ctx.repo.byCode(code, trx);
        if (!dossier) throw new DossierNotFound(code);
        const at = ctx.clock();
        const events = await write(trx, dossier, at);
        if (!events.length) return;
        const head = { dossierId: dossier.id, version: dossier.version, lastHash: dossier.last_hash };
        await appendEvents(
          trx,
          head,
          { actorId: actor?.id ?? null, actorUnit: actor?.unitCode ?? null, at: at.toISOString(), bpmnSha256: null },
          events,
        );
      });
      return;
    } catch (err) {
      if (!(err instanceof VersionConflict)) throw err;
      if (attempt >= MAX_ATTEMPTS)
        throw new Conflict('dossier-busy', 'Hồ sơ đang được cập nhật đồng thời, vui lòng thử lại.');
    }
  }
}
