import type { Knex } from 'knex';

// Times are ISO-8601 UTC strings and JSON is text on both SQLite and PostgreSQL, so rows read the same on either.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('settings', (t) => {
    t.string('key', 64).primary();
    t.text('value').notNullable();
  });

  await knex.schema.createTable('unit_levels', (t) => {
    t.string('code', 16).primary();
    t.integer('rank').notNullable();
    t.string('name', 100).notNullable();
  });

  await knex.schema.createTable('unit_kinds', (t) => {
    t.string('code', 32).primary();
    t.string('name', 100).notNullable();
    t.string('level_code', 16).notNullable().references('unit_levels.code');
  });

  await knex.schema.createTable('units', (t) => {
    t.string('code', 16).primary();
    t.string('name', 200).notNullable();
    t.string('kind', 32).notNullable().references('unit_kinds.code');
    t.string('level_code', 16).notNullable().references('unit_levels.code');
    t.string('parent_code', 16).references('units.code');
    t.string('agency_id', 32).notNullable().unique();
    t.string('valid_from', 10);
    t.string('valid_to', 10);
    t.index(['parent_code']);
    t.index(['level_code']);
  });

  await knex.schema.createTable('users', (t) => {
    t.increments('id');
    t.string('username', 64).notNullable().unique();
    t.string('password_hash', 255).notNullable();
    t.string('full_name', 200).notNullable();
    t.string('unit_code', 16).references('units.code');
    t.text('roles').notNullable();
    t.boolean('disabled').notNullable().defaultTo(false);
    t.string('created_at', 24).notNullable();
  });

  await knex.schema.createTable('holidays', (t) => {
    t.string('date', 10).primary();
    t.string('name', 200).notNullable();
    t.string('kind', 32).notNullable();
    t.boolean('working_day').notNullable().defaultTo(false);
    t.string('status', 32).notNullable();
    t.text('source');
  });

  await knex.schema.createTable('procedures', (t) => {
    t.string('code', 32).primary();
    t.string('name', 500).notNullable();
    t.string('field', 200).notNullable();
    t.text('levels').notNullable();
    t.string('department_code', 16).references('units.code');
    t.text('agency');
    t.float('time_limit_hours');
    t.text('time_limit_text');
    t.text('fee');
    t.string('online_level', 32);
    t.text('documents').notNullable();
    t.text('form_schema');
    t.string('status', 16).notNullable().defaultTo('active');
    t.string('created_at', 24).notNullable();
  });

  await knex.schema.createTable('procedure_versions', (t) => {
    t.increments('id');
    t.string('procedure_code', 32).notNullable().references('procedures.code');
    t.integer('number').notNullable();
    t.string('status', 16).notNullable();
    t.text('bpmn_xml').notNullable();
    t.string('sha256', 64).notNullable();
    t.string('process_id', 200).notNullable();
    t.integer('created_by').references('users.id');
    t.string('created_at', 24).notNullable();
    t.integer('published_by').references('users.id');
    t.string('published_at', 24);
    t.string('valid_from', 24);
    t.string('valid_to', 24);
    t.unique(['procedure_code', 'number']);
    t.index(['procedure_code', 'status']);
  });

  await knex.schema.createTable('dossier_sequences', (t) => {
    t.string('agency_id', 32).notNullable();
    t.string('day', 6).notNullable();
    t.integer('last_seq').notNullable();
    t.primary(['agency_id', 'day']);
  });

  await knex.schema.createTable('dossiers', (t) => {
    t.increments('id');
    t.string('code', 64).notNullable().unique();
    t.string('procedure_code', 32).notNullable().references('procedures.code');
    t.integer('version_id').notNullable().references('procedure_versions.id');
    t.string('unit_code', 16).notNullable().references('units.code');
    t.string('channel', 16).notNullable();
    t.string('applicant_name', 200).notNullable();
    t.string('applicant_id_number', 32).notNullable();
    t.string('applicant_phone', 32);
    t.string('applicant_email', 254);
    t.text('data').notNullable();
    t.integer('status_code').notNullable();
    t.integer('received_by').references('users.id');
    t.string('received_at', 24).notNullable();
    t.string('due_at', 24);
    t.string('finished_at', 24);
    // Optimistic concurrency: the number of events appended so far; every change to a dossier appends one.
    t.integer('version').notNullable();
    t.string('last_hash', 64).notNullable();
    t.string('updated_at', 24).notNullable();
    t.index(['applicant_id_number']);
    t.index(['unit_code', 'received_at']);
    t.index(['status_code']);
  });

  await knex.schema.createTable('dossier_states', (t) => {
    t.integer('dossier_id').primary().references('dossiers.id');
    t.text('state').notNullable();
  });

  await knex.schema.createTable('tasks', (t) => {
    t.increments('id');
    t.integer('dossier_id').notNullable().references('dossiers.id');
    t.string('activity_id', 200).notNullable();
    t.string('execution_id', 200).notNullable();
    t.string('name', 500).notNullable();
    t.string('role', 32).notNullable();
    t.string('unit_code', 16).notNullable().references('units.code');
    t.string('status', 16).notNullable();
    t.text('outcomes').notNullable();
    t.float('budget_hours');
    t.string('created_at', 24).notNullable();
    t.string('due_at', 24);
    t.integer('claimed_by').references('users.id');
    t.string('claimed_at', 24);
    t.integer('completed_by').references('users.id');
    t.string('completed_at', 24);
    t.string('outcome', 64);
    t.text('comment');
    t.text('result_data');
    t.index(['unit_code', 'status', 'due_at']);
    t.index(['dossier_id']);
  });

  await knex.schema.createTable('dossier_events', (t) => {
    t.increments('id');
    t.integer('dossier_id').notNullable().references('dossiers.id');
    t.integer('seq').notNullable();
    t.string('type', 64).notNullable();
    t.integer('actor_id').references('users.id');
    t.string('actor_unit', 16);
    t.string('at', 24).notNullable();
    t.text('payload').notNullable();
    t.string('bpmn_sha256', 64);
    t.string('hash', 64).notNullable();
    t.unique(['dossier_id', 'seq']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'dossier_events',
    'tasks',
    'dossier_states',
    'dossiers',
    'dossier_sequences',
    'procedure_versions',
    'procedures',
    'holidays',
    'users',
    'units',
    'unit_kinds',
    'unit_levels',
    'settings',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
