import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { bumpRevision } from '../db/revisions.js';
import type { ReorganisationPlan } from './plan.js';
import { defaultAgencyId } from '../units/seed.js';

export type ReorganisationStatus = 'scheduled' | 'units-applied' | 'applied';

export interface StoredReorganisation {
  id: number;
  name: string;
  effectiveDate: string;
  effectiveAt: string;
  status: ReorganisationStatus;
  plan: ReorganisationPlan;
  createdAt: string;
  appliedAt: string | null;
}

/** Identifies what an admin loaded (the files and options), so that loading it again resumes it. */
export function inputSha256(input: object): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

/** The level of each unit kind (a reorganisation's units file names kinds). */
export async function kindLevels(db: Knex): Promise<Map<string, string>> {
  const kinds = await db('unit_kinds').select('code', 'level_code');
  return new Map(kinds.map((k) => [String(k.code), String(k.level_code)]));
}

/** The `reorganisations`, `unit_successions` and `unit_history` tables, and the unit rows a reorganisation changes. */
export class ReorganisationStore {
  constructor(private readonly knex: Knex) {}

  async find(sha256: string): Promise<StoredReorganisation | undefined> {
    const row = await this.knex('reorganisations').where({ input_sha256: sha256 }).first();
    return row && toStored(row);
  }

  async get(id: number): Promise<StoredReorganisation | undefined> {
    const row = await this.knex('reorganisations').where({ id }).first();
    return row && toStored(row);
  }

  async list(): Promise<StoredReorganisation[]> {
    return (await this.knex('reorganisations').orderBy('id')).map(toStored);
  }

  /**
   * Records the plan: new units start on the date, retiring units end on it (so that they stop receiving then even if
   * nothing else runs), and who succeeds whom. Continuing units keep their name until the plan is applied.
   */
  async record(
    trx: Knex.Transaction,
    plan: ReorganisationPlan,
    inputSha: string,
    effectiveAt: string,
    actorId: number | null,
    now: Date,
  ): Promise<number> {
    const [row] = await trx('reorganisations')
      .insert({
        name: plan.name,
        effective_date: plan.effectiveDate,
        effective_at: effectiveAt,
        input_sha256: inputSha,
        plan: JSON.stringify(plan),
        status: 'scheduled',
        created_by: actorId,
        created_at: now.toISOString(),
      })
      .returning('id');
    const id = Number(typeof row === 'object' ? row.id : row);
    const created = plan.created.map((u) => ({
      code: u.code,
      name: u.name,
      kind: u.kind,
      level_code: u.level,
      parent_code: u.parentCode,
      agency_id: defaultAgencyId(u.code),
      valid_from: plan.effectiveDate,
      valid_to: null,
    }));
    if (created.length) await trx.batchInsert('units', created, 200);
    for (const codes of chunks(
      plan.retiring.map((u) => u.code),
      200,
    ))
      await trx('units').whereIn('code', codes).update({ valid_to: plan.effectiveDate });
    const successions = plan.retiring.flatMap((u) =>
      u.successors.map((newCode) => ({
        reorganisation_id: id,
        old_code: u.code,
        new_code: newCode,
        kind: plan.successions.find((s) => s.oldCode === u.code && s.newCode === newCode)?.kind ?? 'partial',
        is_primary: newCode === u.primary,
      })),
    );
    if (successions.length) await trx.batchInsert('unit_successions', successions, 200);
    await bumpRevision(trx, 'units');
    return id;
  }

  /** On the date: continuing units take their new name, kind and parent; the old ones are kept as history. */
  async applyUnitChanges(trx: Knex.Transaction, id: number, plan: ReorganisationPlan): Promise<void> {
    const history = plan.continuing.map((u) => ({
      code: u.code,
      valid_to: plan.effectiveDate,
      name: u.before.name,
      kind: u.before.kind,
      level_code: u.before.level,
      parent_code: u.before.parentCode,
      reorganisation_id: id,
    }));
    if (history.length) await trx.batchInsert('unit_history', history, 200);
    for (const u of plan.continuing)
      await trx('units')
        .where({ code: u.code })
        .update({ name: u.name, kind: u.kind, level_code: u.level, parent_code: u.parentCode });
    await this.setStatus(trx, id, 'units-applied');
    await bumpRevision(trx, 'units');
  }

  async setStatus(db: Knex, id: number, status: ReorganisationStatus, appliedAt?: string): Promise<void> {
    await db('reorganisations')
      .where({ id })
      .update({ status, ...(appliedAt ? { applied_at: appliedAt } : {}) });
  }

  /** Staff of retiring units move to the primary successor. */
  async moveStaff(trx: Knex.Transaction, plan: ReorganisationPlan): Promise<number> {
    let moved = 0;
    for (const unit of plan.retiring)
      moved += await trx('users').where({ unit_code: unit.code }).update({ unit_code: unit.primary });
    return moved;
  }

  async staffAt(codes: readonly string[]): Promise<number> {
    let count = 0;
    for (const part of chunks(codes, 500))
      count += Number((await this.knex('users').whereIn('unit_code', part).count({ n: '*' }).first())?.n ?? 0);
    return count;
  }
}

function toStored(row: Record<string, unknown>): StoredReorganisation {
  return {
    id: Number(row.id),
    name: String(row.name),
    effectiveDate: String(row.effective_date),
    effectiveAt: String(row.effective_at),
    status: row.status as ReorganisationStatus,
    plan: JSON.parse(String(row.plan)),
    createdAt: String(row.created_at),
    appliedAt: (row.applied_at as string | null) ?? null,
  };
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
