import type { Knex } from 'knex';

// The legal life of a dossier: clock, pauses, appointments, lateness; durable jobs, alerts and the notification outbox.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('units', (t) => {
    t.boolean('saturday_morning').notNullable().defaultTo(false);
  });

  await knex.schema.alterTable('procedures', (t) => {
    t.string('cutoff_time', 5);
    t.boolean('same_day').notNullable().defaultTo(false);
  });

  await knex.schema.alterTable('dossiers', (t) => {
    t.string('clock_started_at', 24);
    t.string('appointment_at', 24);
    t.string('paused_at', 24);
    t.float('paused_minutes').notNullable().defaultTo(0);
    t.text('missing_items');
    t.text('status_reason');
    t.string('returned_at', 24);
    t.string('late_risk_at', 24);
    t.string('late_at', 24);
    t.string('late_activity_id', 200);
    t.string('late_unit_code', 16);
  });

  await knex.schema.alterTable('tasks', (t) => {
    t.string('reminded_at', 24);
    t.string('escalated_at', 24);
  });

  await knex.schema.createTable('dossier_pauses', (t) => {
    t.increments('id');
    t.integer('dossier_id').notNullable().references('dossiers.id');
    t.integer('status_code').notNullable();
    t.integer('status_before').notNullable();
    t.text('reason').notNullable();
    t.text('items');
    t.integer('started_by').references('users.id');
    t.string('started_at', 24).notNullable();
    t.integer('ended_by').references('users.id');
    t.string('ended_at', 24);
    t.float('working_minutes');
    t.index(['dossier_id']);
  });

  await knex.schema.createTable('jobs', (t) => {
    t.increments('id');
    t.string('kind', 64).notNullable();
    t.integer('dossier_id').references('dossiers.id');
    t.integer('task_id').references('tasks.id');
    t.string('run_at', 24).notNullable();
    t.text('payload').notNullable();
    t.string('status', 16).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.string('locked_until', 24);
    t.text('last_error');
    t.string('created_at', 24).notNullable();
    t.string('done_at', 24);
    t.index(['status', 'run_at']);
    t.index(['dossier_id']);
  });

  await knex.schema.createTable('alerts', (t) => {
    t.increments('id');
    t.integer('dossier_id').notNullable().references('dossiers.id');
    t.integer('task_id').references('tasks.id');
    t.string('kind', 32).notNullable();
    t.string('unit_code', 16).notNullable().references('units.code');
    t.string('role', 32).notNullable();
    t.text('message').notNullable();
    t.string('raised_at', 24).notNullable();
    t.integer('acknowledged_by').references('users.id');
    t.string('acknowledged_at', 24);
    t.index(['unit_code', 'acknowledged_at']);
  });

  await knex.schema.createTable('outbox', (t) => {
    t.increments('id');
    t.integer('dossier_id').references('dossiers.id');
    t.string('channel', 16).notNullable();
    t.string('recipient', 254).notNullable();
    t.string('subject', 300).notNullable();
    t.text('body').notNullable();
    t.string('status', 16).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.string('next_attempt_at', 24).notNullable();
    t.text('last_error');
    t.string('created_at', 24).notNullable();
    t.string('sent_at', 24);
    t.index(['status', 'next_attempt_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('outbox');
  await knex.schema.dropTable('alerts');
  await knex.schema.dropTable('jobs');
  await knex.schema.dropTable('dossier_pauses');
  await knex.schema.alterTable('dossiers', (t) => {
    for (const c of [
      'clock_started_at',
      'appointment_at',
      'paused_at',
      'paused_minutes',
      'missing_items',
      'status_reason',
      'returned_at',
      'late_risk_at',
      'late_at',
      'late_activity_id',
      'late_unit_code',
    ])
      t.dropColumn(c);
  });
  await knex.schema.alterTable('tasks', (t) => {
    t.dropColumn('reminded_at');
    t.dropColumn('escalated_at');
  });
  await knex.schema.alterTable('procedures', (t) => {
    t.dropColumn('cutoff_time');
    t.dropColumn('same_day');
  });
  await knex.schema.alterTable('units', (t) => t.dropColumn('saturday_morning'));
}
