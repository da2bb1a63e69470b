import { createHash } from 'node:crypto';

/**
 * The hashing rule of the audit trail, kept small so an outside tool can re-implement it:
 * hash(event) = SHA-256 hex of `previousHash + "\n" + canonicalJson(record)`, where the first event's
 * previous hash is 64 zeros and `record` holds the fields of `ChainedRecord` below.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedRecord {
  seq: number;
  type: string;
  actorId: number | null;
  actorUnit: string | null;
  at: string;
  payload: unknown;
  bpmnSha256: string | null;
}

/** JSON with object keys sorted at every depth and no insignificant white space. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(previousHash: string, record: ChainedRecord): string {
  return createHash('sha256')
    .update(`${previousHash}\n${canonicalJson(record)}`, 'utf8')
    .digest('hex');
}
