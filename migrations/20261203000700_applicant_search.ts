import type { Knex } from 'knex';

// The applicant's name as searches compare it (src/vocabulary/search-text.ts): "tran thi lan" and "TRẦN" find
// "Trần Thị Lan" on SQLite as on PostgreSQL. Filled for the dossiers already stored, in batches.

const BATCH = 1000;

// A copy of foldText as it is today: a migration keeps doing what it did whatever the code becomes.
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dossiers', (t) => {
    t.string('applicant_search', 200);
  });
  for (let after = 0; ;) {
    const rows: { id: number; applicant_name: string }[] = await knex('dossiers')
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .select('id', 'applicant_name');
    if (!rows.length) break;
    await knex.transaction(async (trx) => {
      for (const row of rows)
        await trx('dossiers')
          .where({ id: row.id })
          .update({ applicant_search: fold(row.applicant_name) });
    });
    after = rows.at(-1)!.id;
  }
}

export async function down(knex: Knex): Promise<void> {
  // Native DROP COLUMN (SQLite ≥ 3.35 as well): knex's SQLite fallback would copy `dossiers`, which its foreign keys refuse.
  await knex.raw('alter table dossiers drop column applicant_search');
}
