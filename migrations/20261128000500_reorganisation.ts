import type { Knex } from 'knex';

// Unit reorganisations (merges, splits, abolished levels): what was loaded, who succeeds whom, what each continuing
// unit was called before, and where a handed-over dossier is handled now.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('reorganisations', (t) => {
    t.increments('id');
    t.string('name', 300).notNullable();
    t.string('effective_date', 10).notNullable();
    t.string('effective_at', 24).notNullable();
    // SHA-256 of the files and options loaded: loading them again resumes the reorganisation instead of adding one.
    t.string('input_sha256', 64).notNullable().unique();
    t.text('plan').notNullable();
    t.string('status', 16).notNullable();
    t.integer('created_by').references('users.id');
    t.string('created_at', 24).notNullable();
    t.string('applied_at', 24);
  });

  await knex.schema.createTable('unit_successions', (t) => {
    t.integer('reorganisation_id').notNullable().references('reorganisations.id');
    t.string('old_code', 16).notNullable().references('units.code');
    t.string('new_code', 16).notNullable().references('units.code');
    t.string('kind', 16).notNullable();
    t.boolean('is_primary').notNullable();
    t.primary(['reorganisation_id', 'old_code', 'new_code']);
    t.index(['old_code']);
  });

  await knex.schema.createTable('unit_history', (t) => {
    t.string('code', 16).notNullable().references('units.code');
    t.string('valid_to', 10).notNullable();
    t.string('name', 200).notNullable();
    t.string('kind', 32).notNullable();
    t.string('level_code', 16).notNullable();
    t.string('parent_code', 16);
    t.integer('reorganisation_id').notNullable().references('reorganisations.id');
    t.primary(['code', 'valid_to']);
  });

  await knex.schema.alterTable('dossiers', (t) => {
    // The unit that now holds the dossier's desk when it is no longer the receiving unit (null: the receiving unit).
    t.string('handling_unit_code', 16).references('units.code');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dossiers', (t) => t.dropColumn('handling_unit_code'));
  await knex.schema.dropTable('unit_history');
  await knex.schema.dropTable('unit_successions');
  await knex.schema.dropTable('reorganisations');
}
