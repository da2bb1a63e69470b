import type { Knex } from 'knex';

// Digitisation at receipt (số hóa hồ sơ): when every document the desk received has its scan attached and checked,
// `digitised_at` is set (at submission for a dossier submitted online: its documents are files). Each document's own
// state is in `received_documents` (digitisedAt). The digitisation rate per unit and period reads this column.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dossiers', (t) => {
    t.string('digitised_at', 24);
  });
}

export async function down(knex: Knex): Promise<void> {
  // Native DROP COLUMN (SQLite ≥ 3.35 as well): knex's SQLite fallback would copy `dossiers`, which its foreign keys refuse.
  await knex.raw('alter table dossiers drop column digitised_at');
}
