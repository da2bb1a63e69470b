import type { Knex } from 'knex';
import {
  contributions as previousContributions,
  countTriggers,
  createTriggers as createPreviousTriggers,
  dropCountTriggers,
  pgDay,
  sqliteDay,
} from './20261129000200_report_counts.js';

// Receipt regardless of administrative boundary (Hà Nội, from 18/11/2025): a procedure says from which day any branch
// of the service centre or any ward/commune desk may receive it for the competent unit (`boundary_free_from`); such a
// dossier keeps its receiving desk in `unit_code`, the competent unit it was received for in `competent_unit_code`
// (null when the desk is its own competent unit), and where the applicant collects the result in `result_return`
// (desk, competent, post). `competent_unit_code` stays what a reorganisation's hand-over sets.
//
// The report's daily counts now split a dossier between two units: what the desk did (received, refused) counts at
// `unit_code`; what the competent unit does with it (handled, resolved, on time, early, late, paused, withdrawn) counts
// at coalesce(competent_unit_code, unit_code), as does `dossiers` (the late dossiers attributed to a unit). Both are
// units of the day of receipt: a dossier handed over by a reorganisation still counts at them (reports roll them up).

const DESK_COUNTS = ['received', 'refused'] as const;
const OUTCOME_COUNTS = ['handled', 'resolved', 'on_time', 'early', 'late', 'paused', 'withdrawn', 'dossiers'] as const;
const COUNTS = [...DESK_COUNTS, ...OUTCOME_COUNTS];

type Day = (column: string) => string;

/** The earlier migration's counts of a row, and `handled`: received, counted at the unit that handles it. */
function contributions(r: string, localDay: Day): Record<(typeof COUNTS)[number], string> {
  const before = previousContributions(r, localDay);
  return { ...before, handled: before.received };
}

/** Whether a row's outcome belongs to a unit other than its receiving desk. */
const split = (r: string) => `(${r}.competent_unit_code is not null and ${r}.competent_unit_code <> ${r}.unit_code)`;

/**
 * The two parts of one row's counts, as `select` lists over `r` (a trigger's NEW or OLD, or a table alias): the desk's
 * part at `unit_code` (with the outcome too when nobody else handles it) and the competent unit's part when it is another.
 */
function parts(r: string, localDay: Day, sign: string) {
  const values = contributions(r, localDay);
  const day = localDay(`${r}.received_at`);
  const late = `coalesce(${r}.late_unit_code, '')`;
  const own = `case when ${split(r)} then 0 else 1 end`;
  const desk = [
    day,
    `${r}.unit_code`,
    `case when ${split(r)} then '' else ${late} end`,
    ...DESK_COUNTS.map((c) => `${sign}(${values[c]})`),
    ...OUTCOME_COUNTS.map((c) => `${sign}(${values[c]}) * ${own}`),
  ];
  const competent = [
    day,
    `${r}.competent_unit_code`,
    late,
    ...DESK_COUNTS.map(() => '0'),
    ...OUTCOME_COUNTS.map((c) => `${sign}(${values[c]})`),
  ];
  return { desk, competent };
}

const INTO = `insert into report_counts (day, unit_code, late_unit_code, ${COUNTS.join(', ')})`;
const UPSERT = `on conflict (day, unit_code, late_unit_code) do update set ${COUNTS.map((c) => `${c} = report_counts.${c} + excluded.${c}`).join(', ')}`;

/**
 * Adds (sign 1) or takes away (sign -1) one dossier row's counts: one insert of its one or two rows (two units, so never
 * the same row twice), in unit code order, so that writers on PostgreSQL lock the count rows of two units in one order.
 */
function apply(r: string, sign: 1 | -1, localDay: Day): string {
  const { desk, competent } = parts(r, localDay, sign === 1 ? '' : '-');
  return `${INTO} select * from (
      select ${aliased(desk)} where ${r}.status_code <> 1
      union all
      select ${aliased(competent)} where ${r}.status_code <> 1 and ${split(r)}
    ) parts where true order by unit_code ${UPSERT};`;
}

const NAMES = ['day', 'unit_code', 'late_unit_code', ...COUNTS];
const aliased = (list: string[]) => list.map((expr, i) => `${expr} as ${NAMES[i]}`).join(', ');

const COLUMNS = [
  'received_at',
  'unit_code',
  'competent_unit_code',
  'status_code',
  'due_at',
  'finished_at',
  'late_unit_code',
];

export async function up(knex: Knex): Promise<void> {
  const pg = knex.client.config.client === 'pg';
  await knex.schema.alterTable('procedures', (t) => t.string('boundary_free_from', 10));
  await dropCountTriggers(knex);
  await knex.schema.alterTable('dossiers', (t) => {
    // No foreign key: on SQLite it would make knex copy `dossiers` (and undoing it could not drop the column); receipt
    // takes the code from the unit directory, and units are never deleted.
    t.string('competent_unit_code', 16);
    t.string('result_return', 16).notNullable().defaultTo('desk');
  });
  await knex.schema.alterTable('report_counts', (t) => t.integer('handled').notNullable().defaultTo(0));
  await countTriggers(knex, apply, COLUMNS);
  await recount(knex, pg ? pgDay : sqliteDay);
}

/** Counts every dossier again under the new split. */
async function recount(knex: Knex, localDay: Day): Promise<void> {
  await knex('report_counts').delete();
  const { desk, competent } = parts('d', localDay, '');
  await knex.raw(`${INTO}
    select day, unit_code, late_unit_code, ${COUNTS.map((c) => `sum(${c})`).join(', ')} from (
      select ${aliased(desk)} from dossiers d where d.status_code <> 1
      union all
      select ${aliased(competent)} from dossiers d where d.status_code <> 1 and ${split('d')}
    ) parts group by day, unit_code, late_unit_code`);
}

export async function down(knex: Knex): Promise<void> {
  await dropCountTriggers(knex);
  await knex.schema.alterTable('report_counts', (t) => t.dropColumn('handled'));
  // Native DROP COLUMN (SQLite ≥ 3.35 as well): knex's SQLite fallback would copy `dossiers`, which its foreign keys refuse.
  await knex.raw('alter table dossiers drop column result_return');
  await knex.raw('alter table dossiers drop column competent_unit_code');
  await knex.raw('alter table procedures drop column boundary_free_from');
  await createPreviousTriggers(knex);
}
