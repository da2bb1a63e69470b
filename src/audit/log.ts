import type { Knex } from 'knex';
import { chainHash, type ChainedRecord } from './chain.js';
import type { StoredEvent } from './repository.js';

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

/** A change's events as the next links of a dossier's hash chain: the rows to insert and where the chain then stands. */
export function chainEvents(
  head: ChainHead,
  context: EventContext,
  events: readonly NewEvent[],
): { rows: EventRow[]; head: ChainHead } {
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
  return { rows, head: { dossierId: head.dossierId, version, lastHash } };
}

/** A row of the append-only event table. */
export type EventRow = StoredEvent & { dossier_id: number };

/** Inserts chained events in the caller's transaction (the table refuses every update, delete and replace). */
export async function insertEvents(trx: Knex.Transaction, rows: readonly EventRow[]): Promise<void> {
  if (rows.length) await trx('dossier_events').insert(rows);
}
