import type { Knex } from 'knex';

// What the desk received, as the receipt (Mẫu 01 of Thông tư 03/2025/TT-VPCP) lists it: JSON
// `[{name, originals, copies, files}]`, one entry per document of the procedure received; null before it was recorded.
// `extension_count`: how many times the appointment was extended (Mẫu 04; the rules cap it, see settings).
// The register of a unit (Mẫu 07, sổ theo dõi hồ sơ) lists the dossiers received for it as well as at its desk.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dossiers', (t) => {
    t.text('received_documents');
    t.integer('extension_count').notNullable().defaultTo(0);
    t.index(['competent_unit_code', 'received_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dossiers', (t) => t.dropIndex(['competent_unit_code', 'received_at']));
  // Native DROP COLUMN (SQLite ≥ 3.35 as well): knex's SQLite fallback would copy `dossiers`, which its foreign keys refuse.
  await knex.raw('alter table dossiers drop column extension_count');
  await knex.raw('alter table dossiers drop column received_documents');
}
