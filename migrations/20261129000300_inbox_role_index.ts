import type { Knex } from 'knex';

// An officer or a leader sees the open tasks of their own role, but `tasks_inbox` orders a unit's open tasks of every
// role: when the other role's backlog is the most urgent (at the busiest unit of a 2,000,000-dossier database, the 400
// most urgent open tasks were all the leaders'), an officer's page first skips it, reading each skipped task's row.
// `tasks_inbox_role` orders each role's open tasks apart; the planners take it for one role (`role IN (?)` is `=`) and
// keep `tasks_inbox` for someone who holds both. The condition repeats `tasks_inbox`'s word for word.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX tasks_inbox_role ON tasks (unit_code, role, (coalesce(due_at, '9999-12-31T23:59:59.999Z')), id) WHERE status IN ('open', 'claimed')`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX tasks_inbox_role');
}
