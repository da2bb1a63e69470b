import type { Knex } from 'knex';

// The on-time report's counts per local day of receipt and receiving unit, kept by triggers on `dossiers`, so that a
// year's report by unit, level or month reads a few hundred thousand small rows rather than every dossier of the year,
// and so that every writer (steps, the desk, imports, reorganisations) keeps them exact without knowing of them.
// `late_unit_code` ('' when none) splits a day's counts by the unit a late finish is attributed to.
// A dossier counts as it is now: each change of one of its counted columns moves it from its old counts to its new.
// Reports filtered or grouped by procedure still read the dossiers (see src/reports/on-time.ts).
// On SQLite, a later migration that makes knex rebuild `dossiers` (dropping or altering a column copies the table)
// drops these triggers with the old table: such a migration must create them again (test/reports/daily-counts.test.ts
// fails otherwise).

const OFFSET = "'+7 hours'"; // Hà Nội: days are local

const COUNTS = [
  'received',
  'resolved',
  'on_time',
  'early',
  'late',
  'paused',
  'withdrawn',
  'refused',
  'dossiers',
] as const;

/** What one dossier row (`NEW` or `OLD`) adds to each count; the same conditions as the report's over the dossiers. */
export function contributions(
  r: string,
  localDay: (column: string) => string,
): Record<(typeof COUNTS)[number], string> {
  const onTime = `${r}.finished_at is not null and (${r}.due_at is null or ${r}.finished_at <= ${r}.due_at)`;
  const flag = (condition: string) => `case when ${condition} then 1 else 0 end`;
  return {
    received: flag(`${r}.status_code <> 3`),
    resolved: flag(`${r}.finished_at is not null`),
    on_time: flag(onTime),
    early: flag(
      `${onTime} and ${r}.due_at is not null and ${localDay(`${r}.finished_at`)} < ${localDay(`${r}.due_at`)}`,
    ),
    late: flag(`${r}.finished_at is not null and ${r}.finished_at > ${r}.due_at`),
    paused: flag(`${r}.finished_at is null and ${r}.status_code in (5, 6, 8)`),
    withdrawn: flag(`${r}.status_code = 7`),
    refused: flag(`${r}.status_code = 3`),
    dossiers: '1',
  };
}

/** Adds (sign 1) or takes away (sign -1) one dossier row's counts, creating its day's row when it has none. */
function apply(r: string, sign: 1 | -1, localDay: (column: string) => string): string {
  const values = contributions(r, localDay);
  return `insert into report_counts (day, unit_code, late_unit_code, ${COUNTS.join(', ')})
    select ${localDay(`${r}.received_at`)}, ${r}.unit_code, coalesce(${r}.late_unit_code, ''), ${COUNTS.map((c) => `${sign} * (${values[c]})`).join(', ')}
    where ${r}.status_code <> 1
    on conflict (day, unit_code, late_unit_code) do update set ${COUNTS.map((c) => `${c} = report_counts.${c} + excluded.${c}`).join(', ')};`;
}

const COLUMNS = ['received_at', 'unit_code', 'status_code', 'due_at', 'finished_at', 'late_unit_code'];
export const sqliteDay = (column: string) => `date(${column}, ${OFFSET})`;
export const pgDay = (column: string) =>
  `to_char((${column})::timestamptz + interval ${OFFSET.replace('+', '')}, 'YYYY-MM-DD')`;

export async function up(knex: Knex): Promise<void> {
  const pg = knex.client.config.client === 'pg';
  await knex.schema.createTable('report_counts', (t) => {
    t.string('day', 10).notNullable();
    t.string('unit_code', 16).notNullable();
    t.string('late_unit_code', 16).notNullable();
    for (const c of COUNTS) t.integer(c).notNullable().defaultTo(0);
    t.primary(['day', 'unit_code', 'late_unit_code']);
  });
  await createTriggers(knex);
  // The dossiers already there.
  const localDay = pg ? pgDay : sqliteDay;
  const values = contributions('d', localDay);
  await knex.raw(`insert into report_counts (day, unit_code, late_unit_code, ${COUNTS.join(', ')})
    select ${localDay('d.received_at')}, d.unit_code, coalesce(d.late_unit_code, ''), ${COUNTS.map((c) => `sum(${values[c]})`).join(', ')}
    from dossiers d where d.status_code <> 1
    group by ${localDay('d.received_at')}, d.unit_code, coalesce(d.late_unit_code, '')`);
}

/** How one dossier row (`new` or `old`) adds (1) or takes away (-1) its counts, in SQL, for a dialect's local day. */
export type CountsApply = (r: string, sign: 1 | -1, localDay: (column: string) => string) => string;

/**
 * Triggers on `dossiers` that run `apply` on each insert, delete, and update of one of `columns`. This migration's
 * and 20261203000200's (which replaces them, and creates these again when it is undone).
 */
export async function countTriggers(knex: Knex, how: CountsApply, columns: readonly string[]): Promise<void> {
  if (knex.client.config.client === 'pg') {
    const changed = columns.map((c) => `old.${c} is distinct from new.${c}`).join(' or ');
    await knex.raw(`create function report_counts_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and not (${changed}) then return null; end if;
      if tg_op in ('UPDATE', 'DELETE') then ${how('old', -1, pgDay)} end if;
      if tg_op in ('INSERT', 'UPDATE') then ${how('new', 1, pgDay)} end if;
      return null;
    end $$`);
    await knex.raw(
      'create trigger report_counts after insert or update or delete on dossiers for each row execute function report_counts_apply()',
    );
    return;
  }
  const changed = columns.map((c) => `old.${c} is not new.${c}`).join(' or ');
  await knex.raw(`create trigger report_counts_insert after insert on dossiers begin ${how('new', 1, sqliteDay)} end`);
  await knex.raw(`create trigger report_counts_delete after delete on dossiers begin ${how('old', -1, sqliteDay)} end`);
  await knex.raw(`create trigger report_counts_update after update on dossiers when ${changed}
    begin ${how('old', -1, sqliteDay)} ${how('new', 1, sqliteDay)} end`);
}

export async function dropCountTriggers(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw('drop trigger report_counts on dossiers');
    await knex.raw('drop function report_counts_apply()');
  } else {
    for (const t of ['insert', 'delete', 'update']) await knex.raw(`drop trigger report_counts_${t}`);
  }
}

/** This migration's triggers. */
export const createTriggers = (knex: Knex) => countTriggers(knex, apply, COLUMNS);

export async function down(knex: Knex): Promise<void> {
  await dropCountTriggers(knex);
  await knex.schema.dropTable('report_counts');
}
