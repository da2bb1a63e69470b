import type { Knex } from 'knex';

// The citizens' portal: who submitted a dossier online, the documents they uploaded (kept in the database, in the same
// transaction as the dossier, so a backup of the database is a backup of the files), and their rating of the result.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dossiers', (t) => {
    // The citizen account that submitted the dossier online (null for one received at the desk).
    t.integer('citizen_id').references('users.id');
    t.index(['citizen_id', 'id']);
  });

  await knex.schema.createTable('attachments', (t) => {
    t.increments('id');
    t.integer('dossier_id').notNullable().references('dossiers.id');
    t.string('name', 255).notNullable();
    t.string('document', 500).notNullable();
    t.string('media_type', 100).notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.binary('content').notNullable();
    t.integer('uploaded_by').references('users.id');
    t.string('uploaded_at', 24).notNullable();
    t.index(['dossier_id']);
  });

  await knex.schema.createTable('ratings', (t) => {
    t.increments('id');
    t.integer('dossier_id').notNullable().unique().references('dossiers.id');
    t.integer('score').notNullable();
    t.text('comment');
    t.integer('rated_by').references('users.id');
    t.string('rated_at', 24).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('ratings');
  await knex.schema.dropTable('attachments');
  await knex.schema.alterTable('dossiers', (t) => {
    t.dropIndex(['citizen_id', 'id']);
    t.dropColumn('citizen_id');
  });
}
