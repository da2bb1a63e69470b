import type { Knex } from 'knex';

// A procedure whose law sets different time limits for cases of it (e.g. 1.013225: 15 working days for a separate
// house, 20 for other works) lists them as JSON `[{field, equals, hours, text}]`; empty when there is one limit.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('procedures', (t) => {
    t.text('time_limit_cases').notNullable().defaultTo('[]');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('procedures', (t) => {
    t.dropColumn('time_limit_cases');
  });
}
