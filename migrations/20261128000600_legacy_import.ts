import type { Knex } from 'knex';

// Dossiers imported from the units' former one-stop applications: one row per imported dossier, keyed by the unit whose
// application it came from and the code it had there, so that importing the same export again imports nothing new.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('legacy_imports', (t) => {
    t.increments('id');
    t.string('unit_code', 16).notNullable().references('units.code');
    t.string('original_code', 64).notNullable();
    t.integer('dossier_id').notNullable().unique().references('dossiers.id');
    t.string('source_file', 255).notNullable();
    t.integer('source_row').notNullable();
    t.string('row_sha256', 64).notNullable();
    t.integer('imported_by').references('users.id');
    t.string('imported_at', 24).notNullable();
    t.unique(['unit_code', 'original_code']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('legacy_imports');
}
