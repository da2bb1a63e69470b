import type { Knex } from 'knex';

// Incidents: what stopped a dossier's step or a procedure version (a step over its time limit, a version that fails the
// safety rules), kept for VPUBND, the owning department and the units concerned. And on SQLite, REPLACE (a delete and
// an insert that fires no delete trigger) can no longer rewrite a row of the append-only events or of a version.
// A database that already has the demo accounts is marked as the demo it was created as.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('incidents', (t) => {
    t.increments('id');
    t.string('kind', 32).notNullable();
    t.string('procedure_code', 32).references('procedures.code');
    t.integer('version_id').references('procedure_versions.id');
    t.integer('dossier_id').references('dossiers.id');
    t.text('message').notNullable();
    t.text('detail').notNullable();
    t.string('raised_at', 24).notNullable();
    t.string('resolved_at', 24);
    t.index(['dossier_id']);
    t.index(['version_id', 'kind']);
    t.index(['resolved_at', 'raised_at']);
  });
  // One open block per version, whichever node found it.
  await knex.raw(
    "CREATE UNIQUE INDEX incidents_one_block ON incidents (version_id) WHERE kind = 'version-blocked' AND resolved_at IS NULL",
  );

  // A database created before this migration with the demo accounts was created as a demo (src/auth/demo.ts).
  const demoAccounts = await knex('users').whereIn('username', ['canbo.phucxa', 'vpubnd', 'congdan']).first('id');
  if (demoAccounts && !(await knex('settings').where({ key: 'database:demo' }).first('key'))) {
    await knex('settings').insert({ key: 'database:demo', value: 'true' });
  }

  if (knex.client.config.client === 'pg') return; // ON CONFLICT DO UPDATE fires the UPDATE triggers already
  await knex.raw(`CREATE TRIGGER dossier_events_no_replace BEFORE INSERT ON dossier_events
    WHEN EXISTS (SELECT 1 FROM dossier_events WHERE id = NEW.id OR (dossier_id = NEW.dossier_id AND seq = NEW.seq))
    BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only: REPLACE refused'); END`);
  await knex.raw(`CREATE TRIGGER procedure_versions_no_replace BEFORE INSERT ON procedure_versions
    WHEN EXISTS (SELECT 1 FROM procedure_versions WHERE id = NEW.id OR (procedure_code = NEW.procedure_code AND number = NEW.number))
    BEGIN SELECT RAISE(ABORT, 'a procedure version cannot be replaced'); END`);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') {
    await knex.raw('DROP TRIGGER IF EXISTS dossier_events_no_replace');
    await knex.raw('DROP TRIGGER IF EXISTS procedure_versions_no_replace');
  }
  await knex.schema.dropTable('incidents');
  await knex('settings').where({ key: 'database:demo' }).delete();
}
