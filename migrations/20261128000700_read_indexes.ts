import type { Knex } from 'knex';

// Indexes for the two reads that grow with the database.
// - The inbox lists a unit's open tasks, most urgent first (no due time last): `tasks_inbox` holds exactly those tasks
//   in that order, so a page is read from it instead of sorting every open task of a busy unit. The inbox query
//   (src/dossiers/repository.ts) repeats the expression and the condition word for word.
// - The on-time report attributes late dossiers of a period to units: `dossiers_late` holds only the late ones.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX tasks_inbox ON tasks (unit_code, (coalesce(due_at, '9999-12-31T23:59:59.999Z')), id) WHERE status IN ('open', 'claimed')`,
  );
  await knex.raw(
    'CREATE INDEX dossiers_late ON dossiers (received_at, late_unit_code) WHERE late_unit_code IS NOT NULL',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX dossiers_late');
  await knex.raw('DROP INDEX tasks_inbox');
}
