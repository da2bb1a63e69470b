import type { StoredEvent } from './repository.js';
import type { Verification } from './verify.js';

export const BUNDLE_FORMAT = 'motcua-audit-bundle/1';

/** The hashing rule, written into every bundle so that it can be re-verified without this software. */
export const HASHING_RULE =
  'Events are verified in seq order, starting at 1 with no gap. For each event, record = {seq, type, actorId, actorUnit, at, ' +
  'payload, bpmnSha256} (payload as a JSON value); canonical JSON = JSON with the keys of every object sorted by code ' +
  'point, no white space, undefined members left out. hash = lowercase hex SHA-256 of the UTF-8 bytes of ' +
  'previousHash + "\\n" + canonicalJson(record), where previousHash of the first event is 64 "0" characters. ' +
  'The last hash must equal dossier.lastHash and the number of events dossier.version. ' +
  'Each bpmn entry: sha256 = lowercase hex SHA-256 of the UTF-8 bytes of xml.';

/** One dossier's audit evidence in a single JSON document. */
export interface AuditBundle {
  format: typeof BUNDLE_FORMAT;
  exportedAt: string;
  hashingRule: string;
  dossier: { code: string; procedureCode: string; version: number; lastHash: string };
  bpmn: { versionNumber: number; sha256: string; xml: string }[];
  events: {
    seq: number;
    type: string;
    actorId: number | null;
    actorUnit: string | null;
    at: string;
    payload: unknown;
    bpmnSha256: string | null;
    hash: string;
  }[];
  verification: Verification;
}

export function bundleEvents(events: readonly StoredEvent[]): AuditBundle['events'] {
  return events.map((e) => ({
    seq: e.seq,
    type: e.type,
    actorId: e.actor_id === null ? null : Number(e.actor_id),
    actorUnit: e.actor_unit,
    at: e.at,
    payload: safeParse(e.payload),
    bpmnSha256: e.bpmn_sha256,
    hash: e.hash,
  }));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // a tampered payload is exported as found; verification reports it
  }
}
