import type { Knex } from 'knex';
import type { ProcedureVersion } from './procedure.js';
import { sha256 } from '../engine/definitions.js';
import { processIdOf } from './process-id.js';
import type { Finding } from './validation.js';

// The `procedure_versions` table. Each function takes the handle to run on: the knex, or the transaction it is part of.

/** Every column of a version but its XML and findings. */
const SUMMARY_COLUMNS = [
  'procedure_code',
  'number',
  'status',
  'sha256',
  'process_id',
  'valid_from',
  'valid_to',
  'created_by',
  'created_at',
  'updated_at',
  'submitted_by',
  'submitted_at',
  'published_by',
  'published_at',
  'rejected_reason',
  'rejected_at',
  'change_id',
];

/** A version's row, or undefined. */
export function findVersion(db: Knex, code: string, number: number) {
  return db('procedure_versions').where({ procedure_code: code, number }).first();
}

/** The id of a version that exists. */
export async function versionIdOf(db: Knex, code: string, number: number): Promise<number> {
  const version = await db('procedure_versions').where({ procedure_code: code, number }).first('id');
  return version.id;
}

/** A procedure's versions, by number. */
export function versionsOf(db: Knex, code: string) {
  return db('procedure_versions').where({ procedure_code: code }).orderBy('number');
}

/** Whether the procedure has a version of exactly this diagram (by its SHA-256), whatever its status. */
export async function hasDiagram(db: Knex, code: string, diagramSha256: string): Promise<boolean> {
  return (
    (await db('procedure_versions').where({ procedure_code: code, sha256: diagramSha256 }).first('id')) !== undefined
  );
}

/** Every version of every procedure without its XML and findings, by procedure and number. */
export function versionSummaries(db: Knex) {
  return db('procedure_versions').orderBy(['procedure_code', 'number']).select(SUMMARY_COLUMNS);
}

/** Versions stored in a status, oldest change first, each with its procedure's name and scope. */
export function versionsStoredAs(db: Knex, status: string) {
  return db('procedure_versions')
    .join('procedures', 'procedures.code', 'procedure_versions.procedure_code')
    .where('procedure_versions.status', status)
    .orderBy([{ column: 'procedure_versions.updated_at' }, { column: 'procedure_versions.id' }])
    .select(
      'procedure_versions.*',
      'procedures.name as procedure_name',
      'procedures.department_code',
      'procedures.owner_code',
      'procedures.levels',
    );
}

/** The highest version number of a procedure (0 without versions). */
export async function lastNumber(db: Knex, code: string): Promise<number> {
  const last = await db('procedure_versions').where({ procedure_code: code }).max({ n: 'number' }).first();
  return Number(last?.n ?? 0);
}

/** A new draft; fails on a unique violation when its number was taken meanwhile. */
export async function insertDraft(
  db: Knex,
  draft: { code: string; number: number; xml: string; findings: Finding[]; by: number; at: string },
): Promise<void> {
  await db('procedure_versions').insert({
    procedure_code: draft.code,
    number: draft.number,
    status: 'draft',
    ...diagramColumns(draft.xml, draft.findings),
    created_by: draft.by,
    created_at: draft.at,
  });
}

/** Replaces the diagram of a version still a draft; how many rows changed (0: no longer a draft). */
export function replaceDraft(
  db: Knex,
  draft: { code: string; number: number; xml: string; findings: Finding[]; by: number; at: string },
): Promise<number> {
  return db('procedure_versions')
    .where({ procedure_code: draft.code, number: draft.number, status: 'draft' })
    .update({ ...diagramColumns(draft.xml, draft.findings), updated_by: draft.by, updated_at: draft.at });
}

/** Marks a draft submitted; how many rows changed (0: no longer a draft). */
export function markSubmitted(db: Knex, id: number, by: number, at: string): Promise<number> {
  return db('procedure_versions')
    .where({ id, status: 'draft' })
    .update({ status: 'submitted', submitted_by: by, submitted_at: at, rejected_reason: null });
}

/** Sends a submitted version back to draft with the reason; how many rows changed (0: not submitted). */
export function markRejected(
  db: Knex,
  rejection: { code: string; number: number; by: number; at: string; reason: string },
): Promise<number> {
  return db('procedure_versions')
    .where({ procedure_code: rejection.code, number: rejection.number, status: 'submitted' })
    .update({
      status: 'draft',
      rejected_by: rejection.by,
      rejected_at: rejection.at,
      rejected_reason: rejection.reason,
    });
}

/** A published version of the procedure in force only after `from`, if any (its number). */
export function publishedAfter(db: Knex, code: string, from: string): Promise<{ number: number } | undefined> {
  return db('procedure_versions')
    .where({ procedure_code: code, status: 'published' })
    .where('valid_from', '>', from)
    .first('number');
}

/** Ends at `at` the published version of the procedure that has no end yet. */
export async function endOpenPublication(db: Knex, code: string, at: string): Promise<void> {
  await db('procedure_versions')
    .where({ procedure_code: code, status: 'published' })
    .whereNull('valid_to')
    .update({ valid_to: at });
}

/** Marks a submitted version published; how many rows changed (0: no longer submitted). */
export function markPublished(
  db: Knex,
  id: number,
  publication: { by: number; at: string; validFrom: string; changeId: number | null },
): Promise<number> {
  return db('procedure_versions').where({ id, status: 'submitted' }).update({
    status: 'published',
    published_by: publication.by,
    published_at: publication.at,
    valid_from: publication.validFrom,
    change_id: publication.changeId,
  });
}

/** A version published at `at` and in force from `validFrom` (null: always): a procedure's first, or a shipped revision. */
export async function insertPublished(
  db: Knex,
  code: string,
  number: number,
  xml: string,
  at: string,
  validFrom: string | null,
): Promise<void> {
  await db('procedure_versions').insert({
    procedure_code: code,
    number,
    status: 'published',
    bpmn_xml: xml,
    sha256: sha256(xml),
    process_id: processIdOf(xml),
    created_at: at,
    published_at: at,
    valid_from: validFrom,
  });
}

/** The published version of a procedure in force at an instant, the latest to start if several. */
export async function versionInForceAt(db: Knex, code: string, instant: string): Promise<ProcedureVersion | undefined> {
  const row = await db('procedure_versions')
    .where({ procedure_code: code, status: 'published' })
    .andWhere((q) => q.whereNull('valid_from').orWhere('valid_from', '<=', instant))
    .andWhere((q) => q.whereNull('valid_to').orWhere('valid_to', '>', instant))
    .orderByRaw('valid_from is null, valid_from desc')
    .first();
  return row ? toVersion(row) : undefined;
}

/** A version's XML and its content hash. */
export function diagramOf(db: Knex, id: number): Promise<{ bpmn_xml: string; sha256: string }> {
  return db('procedure_versions').where({ id }).first('bpmn_xml', 'sha256');
}

function diagramColumns(xml: string, findings: Finding[]) {
  return {
    bpmn_xml: xml,
    sha256: sha256(xml),
    process_id: processIdOf(xml),
    findings: JSON.stringify(findings),
  };
}

function toVersion(row: Record<string, unknown>): ProcedureVersion {
  return {
    id: Number(row.id),
    procedureCode: String(row.procedure_code),
    number: Number(row.number),
    status: String(row.status),
    sha256: String(row.sha256),
    processId: String(row.process_id),
    validFrom: (row.valid_from as string | null) ?? null,
    validTo: (row.valid_to as string | null) ?? null,
    publishedAt: (row.published_at as string | null) ?? null,
  };
}
