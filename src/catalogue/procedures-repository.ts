import type { Knex } from 'knex';
import type { Procedure, ProcedureFields } from './procedure.js';
import { withRequired } from './documents.js';

// The `procedures` table (and whether a unit exists). Each function takes the handle to run on: the knex, or the
// transaction it is part of. `now` says which procedures are abolished already.

/** Every procedure, by code. */
export async function listProcedures(db: Knex, now: string): Promise<Procedure[]> {
  return (await db('procedures').select('*').orderBy('code')).map((row) => toProcedure(row, now));
}

/** A procedure, or undefined. */
export async function findProcedure(db: Knex, code: string, now: string): Promise<Procedure | undefined> {
  const row = await db('procedures').where({ code }).first();
  return row ? toProcedure(row, now) : undefined;
}

export async function procedureExists(db: Knex, code: string): Promise<boolean> {
  return Boolean(await db('procedures').where({ code }).first('code'));
}

export async function insertProcedure(db: Knex, fields: ProcedureFields, createdAt: string): Promise<void> {
  await db('procedures').insert({ ...procedureRow(fields), created_at: createdAt });
}

/** Writes every field of a procedure (its diagrams are versions). */
export async function updateProcedure(db: Knex, code: string, fields: ProcedureFields): Promise<void> {
  await db('procedures').where({ code }).update(procedureRow(fields));
}

/** Ends a procedure at `at`: it takes no dossier from then on. */
export async function endProcedure(db: Knex, code: string, at: string): Promise<void> {
  await db('procedures').where({ code }).update({ valid_to: at });
}

/** Whether the directory has a unit of this code. */
export async function unitExists(db: Knex, code: string): Promise<boolean> {
  return Boolean(await db('units').where({ code }).first('code'));
}

function procedureRow(p: ProcedureFields) {
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    levels: JSON.stringify(p.levels),
    department_code: p.departmentCode,
    owner_code: p.ownerCode,
    agency: p.agency,
    time_limit_hours: p.timeLimitHours,
    time_limit_cases: JSON.stringify(p.timeLimitCases),
    same_day: p.sameDay,
    cutoff_time: p.cutoffTime,
    time_limit_text: p.timeLimitText,
    fee: p.fee,
    online_level: p.onlineLevel,
    boundary_free_from: p.boundaryFreeFrom,
    documents: JSON.stringify(p.documents),
    form_schema: p.formSchema ? JSON.stringify(p.formSchema) : null,
    status: 'active',
  };
}

function toProcedure(row: Record<string, unknown>, now: string): Procedure {
  return {
    code: String(row.code),
    name: String(row.name),
    field: String(row.field),
    levels: JSON.parse(String(row.levels)),
    departmentCode: (row.department_code as string | null) ?? null,
    ownerCode: (row.owner_code as string | null) ?? null,
    agency: (row.agency as string | null) ?? null,
    timeLimitHours: row.time_limit_hours === null ? null : Number(row.time_limit_hours),
    timeLimitCases: JSON.parse(String(row.time_limit_cases ?? '[]')),
    sameDay: Boolean(row.same_day),
    cutoffTime: (row.cutoff_time as string | null) ?? null,
    timeLimitText: (row.time_limit_text as string | null) ?? null,
    fee: (row.fee as string | null) ?? null,
    onlineLevel: (row.online_level as string | null) ?? null,
    boundaryFreeFrom: (row.boundary_free_from as string | null) ?? null,
    documents: withRequired(JSON.parse(String(row.documents))),
    formSchema: row.form_schema ? JSON.parse(String(row.form_schema)) : null,
    status: row.valid_to && String(row.valid_to) <= now ? 'abolished' : 'active',
    validTo: (row.valid_to as string | null) ?? null,
  };
}
