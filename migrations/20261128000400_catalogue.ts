import type { Knex } from 'knex';

// Procedure versions get their lifecycle (draft → submitted → published → retired, rejected back to draft) and the
// announcements (quyết định công bố) whose changes VPUBND must publish within 2 working days.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('procedures', (t) => {
    t.string('valid_to', 24);
    // The department that owns the procedure's process (e.g. Sở Tư pháp for civil-status procedures handled by communes).
    t.string('owner_code', 16).references('units.code');
  });

  await knex.schema.createTable('announcements', (t) => {
    t.increments('id');
    t.string('number', 100).notNullable().unique();
    t.string('title', 500).notNullable();
    t.string('signed_on', 10).notNullable();
    t.string('announced_on', 10).notNullable();
    t.string('deadline_at', 24).notNullable();
    t.integer('created_by').references('users.id');
    t.string('created_at', 24).notNullable();
  });

  await knex.schema.createTable('announcement_changes', (t) => {
    t.increments('id');
    t.integer('announcement_id').notNullable().references('announcements.id');
    t.string('procedure_code', 32).notNullable();
    t.string('kind', 16).notNullable();
    t.string('replaces_code', 32);
    t.string('effective_from', 24);
    t.integer('version_id').references('procedure_versions.id');
    t.string('done_at', 24);
    t.index(['procedure_code']);
  });

  await knex.schema.alterTable('procedure_versions', (t) => {
    t.text('findings');
    t.integer('updated_by').references('users.id');
    t.string('updated_at', 24);
    t.integer('submitted_by').references('users.id');
    t.string('submitted_at', 24);
    t.integer('rejected_by').references('users.id');
    t.string('rejected_at', 24);
    t.text('rejected_reason');
    t.integer('change_id').references('announcement_changes.id');
  });
  // At most one version of a procedure waits for review at a time.
  await knex.raw(
    `CREATE UNIQUE INDEX procedure_versions_one_submitted ON procedure_versions (procedure_code) WHERE status = 'submitted'`,
  );

  await knex.schema.createTable('catalogue_events', (t) => {
    t.increments('id');
    t.string('procedure_code', 32).notNullable();
    t.integer('version_id').references('procedure_versions.id');
    t.string('type', 64).notNullable();
    t.integer('actor_id').references('users.id');
    t.string('at', 24).notNullable();
    t.text('payload').notNullable();
    t.index(['procedure_code']);
  });

  // A version that left draft is immutable: its diagram is what dossiers ran on.
  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION motcua_refuse_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'draft' AND (NEW.bpmn_xml IS DISTINCT FROM OLD.bpmn_xml OR NEW.sha256 IS DISTINCT FROM OLD.sha256) THEN
          RAISE EXCEPTION 'procedure version % is % and cannot change its diagram', OLD.id, OLD.status;
        END IF;
        RETURN NEW;
      END $$`);
    await knex.raw(`CREATE TRIGGER procedure_versions_immutable BEFORE UPDATE ON procedure_versions
      FOR EACH ROW EXECUTE FUNCTION motcua_refuse_version_change()`);
  } else {
    await knex.raw(`CREATE TRIGGER procedure_versions_immutable BEFORE UPDATE OF bpmn_xml, sha256 ON procedure_versions
      WHEN OLD.status <> 'draft'
      BEGIN SELECT RAISE(ABORT, 'a procedure version that left draft cannot change its diagram'); END`);
  }
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw('DROP TRIGGER IF EXISTS procedure_versions_immutable ON procedure_versions');
    await knex.raw('DROP FUNCTION IF EXISTS motcua_refuse_version_change()');
  } else {
    await knex.raw('DROP TRIGGER IF EXISTS procedure_versions_immutable');
  }
  await knex.schema.dropTable('catalogue_events');
  await knex.raw('DROP INDEX IF EXISTS procedure_versions_one_submitted');
  await knex.schema.alterTable('procedure_versions', (t) => {
    for (const c of [
      'findings',
      'updated_by',
      'updated_at',
      'submitted_by',
      'submitted_at',
      'rejected_by',
      'rejected_at',
      'rejected_reason',
      'change_id',
    ])
      t.dropColumn(c);
  });
  await knex.schema.dropTable('announcement_changes');
  await knex.schema.dropTable('announcements');
  await knex.schema.alterTable('procedures', (t) => {
    t.dropColumn('valid_to');
    t.dropColumn('owner_code');
  });
}
