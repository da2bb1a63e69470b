import type { Knex } from 'knex';

/** What a publication reads of the announcement change it carries out. */
export interface StoredChange {
  procedure_code: string;
  kind: string;
  replaces_code: string | null;
  done_at: string | null;
}

/** A change of an announcement (`announcement_changes`), or undefined. */
export function findChange(db: Knex, id: number): Promise<StoredChange | undefined> {
  return db('announcement_changes').where({ id }).first();
}

/** Records that a change was carried out at `at` by publishing a version. */
export async function markChangeCarriedOut(db: Knex, id: number, versionId: number, at: string): Promise<void> {
  await db('announcement_changes').where({ id }).update({ version_id: versionId, done_at: at });
}
