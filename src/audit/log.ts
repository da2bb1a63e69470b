import type { Knex } from 'knex';
import { chainHash, type ChainedRecord } from './chain.js';

/** An event about to be appended to a dossier's log. */
export interface NewEvent {
  type: string;
  payload: Record<string, unknown>;
}

/** Where a dossier's log stands: the number of events so far (its version) and the last hash. */
export interface ChainHead {
  dossierId: number;
  version: number;
  lastHash: string;
}

export interface EventContext {
  actorId: number | null;
  actorUnit: string | null;
  at: string;
  bpmnSha256: string | null;
}

/** Another change to the same dossier committed first; the caller re-reads and tries again. */
export class VersionConflict extends Error {
  override name = 'VersionConflict';

  constructor(dossierId: number) {
    super(`dossier ${dossierId} changed concurrently`);
  }
}

/**
 * Appends events to a dossier's hash-chained log inside the caller's transaction. The dossier row's
 * version moves from `head.version` to the new count only if nobody else moved it: this guard is what
 * makes two concurrent changes of one dossier serialize (one wins, the other gets VersionConflict).
 */
export async function appendEvents(
  trx: Knex.Transaction,
  head: ChainHead,
  context: EventContext,
  events: readonly NewEvent[],
): Promise<ChainHead> {
  let { version, lastHash } = head;
  const rows = events.map((event) => {
    const record: ChainedRecord = { seq: ++version, type: event.type, ...context, payload: event.payload };
    lastHash = chainHash(lastHash, record);
    return {
      dossier_id: head.dossierId,
      seq: record.seq,
      type: record.type,
      actor_id: record.actorId,
      actor_unit: record.actorUnit,
      at: record.at,
      payload: JSON.stringify(record.payload),
      bpmn_sha256: record.bpmnSha256,
      hash: lastHash,
    };
  });
  const moved = await trx('dossiers')
    .where({ id: head.dossierId, version: head.version })
    .update({ version, last_hash: lastHash, updated_at: context.at });
  if (moved !== 1) throw new VersionConflict(head.dossierId);
  if (rows.length) await trx('dossier_events').insert(rows);
  return { dossierId: head.dossierId, version, lastHash };
}
