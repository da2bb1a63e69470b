import type { Knex } from 'knex';
import { startOfLocalDay } from '../calendar/working-time.js';
import { sha256 } from '../engine/definitions.js';
import { addPublishedRevision } from './catalogue.js';
import { recordCatalogueEvent } from './events-repository.js';
import { procedureExists } from './procedures-repository.js';
import { shippedProcedures, shippedRevisions } from './shipped.js';
import { hasDiagram, lastNumber, versionIdOf } from './versions-repository.js';

/** A shipped revision a database lacked: the version it became (null on a dry run) and from when it is in force. */
export interface AdoptedRevision {
  procedureCode: string;
  /** The day the revision took effect (its folder, `processes/<YYYY-MM-DD>/`). */
  day: string;
  number: number | null;
  validFrom: string;
}

/**
 * Publishes the shipped revisions of procedures (`processes/<YYYY-MM-DD>/`) that a database does not have, as on a
 * database that started before their day (a new one gets them at seeding). Each becomes its procedure's next version
 * (a procedure created on such a day is added with it as version 1), in force from its day, or from now when that has
 * passed: dossiers received in between ran on the version before and keep it. A revision is known by its diagram's SHA-256, so running this again publishes nothing twice.
 */
export async function adoptShippedRevisions(knex: Knex, now: Date, dryRun: boolean): Promise<AdoptedRevision[]> {
  const adopted: AdoptedRevision[] = [];
  const shipped = new Set(shippedProcedures().map((p) => p.manifest.code));
  for (const { manifest, bpmnXml, validFrom: day } of shippedRevisions()) {
    const code = manifest.code;
    // A revision of a shipped procedure the database does not have is not for it; one that creates a procedure is.
    if (shipped.has(code) && !(await procedureExists(knex, code))) continue;
    if (await hasDiagram(knex, code, sha256(bpmnXml))) continue;
    const dayStart = startOfLocalDay(day);
    const validFrom = dayStart > now.toISOString() ? dayStart : now.toISOString();
    if (dryRun) {
      adopted.push({ procedureCode: code, day, number: null, validFrom });
      continue;
    }
    const number = await knex.transaction(async (trx) => {
      await addPublishedRevision(trx, manifest, bpmnXml, now, validFrom);
      const number = await lastNumber(trx, code);
      await recordCatalogueEvent(trx, {
        procedureCode: code,
        versionId: await versionIdOf(trx, code, number),
        type: 'version.published',
        actorId: null,
        at: now.toISOString(),
        payload: { number, validFrom, shippedRevision: day },
      });
      return number;
    });
    adopted.push({ procedureCode: code, day, number, validFrom });
  }
  return adopted;
}
