import type { Knex } from 'knex';

// A dossier's history is append-only: the database itself refuses to update, delete or truncate its events.

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION motcua_refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'dossier_events is append-only: % refused', TG_OP;
      END $$`);
    await knex.raw(`CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE ON dossier_events
      FOR EACH ROW EXECUTE FUNCTION motcua_refuse_event_change()`);
    await knex.raw(`CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON dossier_events
      FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_event_change()`);
    return;
  }
  await knex.raw(`CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
    BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only: UPDATE refused'); END`);
  await knex.raw(`CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
    BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only: DELETE refused'); END`);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw('DROP TRIGGER IF EXISTS dossier_events_no_truncate ON dossier_events');
    await knex.raw('DROP TRIGGER IF EXISTS dossier_events_append_only ON dossier_events');
    await knex.raw('DROP FUNCTION IF EXISTS motcua_refuse_event_change()');
    return;
  }
  await knex.raw('DROP TRIGGER IF EXISTS dossier_events_no_update');
  await knex.raw('DROP TRIGGER IF EXISTS dossier_events_no_delete');
}
