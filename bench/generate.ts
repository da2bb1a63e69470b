import type { Knex } from 'knex';
import { hashPassword } from '../src/auth/passwords.js';
import { localDate, type WorkingCalendar } from '../src/calendar/index.js';
import { dayKey, dossierCode } from '../src/dossiers/codes.js';
import { parseDefinition } from '../src/engine/definitions.js';
import { DEMO_PASSWORD } from '../src/seed.js';
import { openSystem, type System } from '../src/system.js';
import type { Unit, UnitDirectory } from '../src/units/directory.js';
import { isFinished, REFUSED } from '../src/vocabulary/statuses.js';
import { RECEIPTS } from '../test/helpers/fixtures.js';
import { liveDossier, StepMemo, type LifeRows, type ProcedureRun } from './dossier-life.js';
import { note, round1 } from './stats.js';

/** What was generated, and who to ask for it. */
export interface GeneratedDatabase {
  dossiers: number;
  open: number;
  finishedOnTime: number;
  finishedLate: number;
  refused: number;
  events: number;
  /** The receipt period, local days: the 365 days before today. */
  from: string;
  to: string;
  /** The unit with the most open officer tasks, and one of its officers. */
  busiest: { unitCode: string; officer: string; openTasks: number };
  /** Codes of dossiers spread over the year, for checking that the API reads them. */
  sample: string[];
  seconds: number;
}

const BATCH = 1000;
const SAMPLE = 20;

/**
 * A database as the real server leaves it after a year of `count` dossiers: a new installation (migrations, seed), an
 * officer and a leader at every unit, then the dossiers of every shipped procedure at every unit of the levels it is
 * handled at that are in force that day (today's 126 wards and communes, and the departments), received on the working days of the 365 days before
 * `now`, each lived to the end or to where it stands at `now` (see dossier-life.ts), written with batch inserts.
 */
export async function generateDatabase(file: string, count: number, now = new Date()): Promise<GeneratedDatabase> {
  const started = performance.now();
  const system = await openSystem({ databaseUrl: `sqlite:${file}`, adminPassword: 'bench-admin' });
  try {
    const { knex } = system.db;
    await knex.raw('PRAGMA synchronous = OFF'); // generating only: the server reopens the file with synchronous = FULL
    const random = mulberry32(20181119);
    const staff = await createStaff(system);
    const runs = await procedureRuns(system, now);
    const pickUnit = unitPicker(system.units, random);
    const receipts = receiptTimes(system.calendars.standard, count, now, random);
    let taskId = 0;
    const ctx = {
      now,
      units: system.units,
      calendars: system.calendars,
      rules: system.settings.rules,
      staff,
      steps: new StepMemo(),
      random,
      nextTaskId: () => ++taskId,
    };
    const sequences = new Map<string, { agency_id: string; day: string; last_seq: number }>();
    const figures = { dossiers: 0, open: 0, finishedOnTime: 0, finishedLate: 0, refused: 0, events: 0 };
    const sample: string[] = [];
    let batch: LifeRows[] = [];
    let writing = Promise.resolve();
    for (const at of receipts) {
      const run = runs[Math.floor(random() * runs.length)]!;
      const date = localDate(at);
      const unit = pickUnit(run, date);
      if (!unit) continue; // no unit handles the procedure that day
      const day = dayKey(date);
      const sequence = sequences.get(`${unit.agencyId}-${day}`) ?? { agency_id: unit.agencyId, day, last_seq: 0 };
      sequences.set(`${unit.agencyId}-${day}`, sequence);
      sequence.last_seq++;
      const rows = await liveDossier(
        ctx,
        run,
        unit,
        at,
        ++figures.dossiers,
        dossierCode(unit.agencyId, date, sequence.last_seq),
      );
      tally(figures, rows);
      if (figures.dossiers % Math.ceil(count / SAMPLE) === 0) sample.push(rows.dossier.code);
      batch.push(rows);
      if (batch.length === BATCH) {
        await writing; // SQLite writes one batch on its thread while the next one is being lived here
        writing = write(knex, batch);
        batch = [];
        if (figures.dossiers % Math.max(BATCH, Math.round(count / 10 / BATCH) * BATCH) === 0)
          note(`generated ${figures.dossiers} of ${count} dossiers`);
      }
    }
    await writing;
    await write(knex, batch);
    await insert(knex, 'dossier_sequences', [...sequences.values()]);
    return {
      ...figures,
      from: localDate(new Date(now.getTime() - 365 * 86_400_000)),
      to: localDate(now),
      busiest: await busiestUnit(knex),
      sample,
      seconds: round1((performance.now() - started) / 1000),
    };
  } finally {
    await system.close();
  }
}

function tally(
  figures: Omit<GeneratedDatabase, 'from' | 'to' | 'busiest' | 'sample' | 'seconds'>,
  { dossier, events }: LifeRows,
): void {
  figures.events += events.length;
  if (dossier.status_code === REFUSED) figures.refused++;
  else if (!isFinished(dossier.status_code)) figures.open++;
  else if (dossier.finished_at! <= dossier.due_at!) figures.finishedOnTime++;
  else figures.finishedLate++;
}

/** One officer and one leader at every unit without demo staff, all with the demo password; returns ids by `role@unit`. */
async function createStaff(system: System): Promise<Map<string, number>> {
  const { knex } = system.db;
  const hash = await hashPassword(DEMO_PASSWORD); // one scrypt hash for all: hashing 1,300 passwords would take a minute
  const staffed = new Set(
    (await knex('users').select('unit_code', 'roles')).flatMap((u) =>
      (JSON.parse(u.roles) as string[]).map((r) => `${r}@${u.unit_code}`),
    ),
  );
  const created_at = system.clock().toISOString();
  const rows = system.units.list().flatMap((unit) =>
    (['officer', 'leader'] as const)
      .filter((role) => !staffed.has(`${role}@${unit.code}`))
      .map((role) => ({
        username: staffName(role, unit.code),
        password_hash: hash,
        full_name: `${role === 'officer' ? 'Cán bộ' : 'Lãnh đạo'} ${unit.name}`,
        unit_code: unit.code,
        roles: JSON.stringify([role]),
        disabled: false,
        created_at,
      })),
  );
  await insert(knex, 'users', rows);
  const staff = new Map<string, number>();
  for (const user of await knex('users').orderBy('id').select('id', 'unit_code', 'roles')) {
    for (const role of JSON.parse(user.roles) as string[])
      if (!staff.has(`${role}@${user.unit_code}`)) staff.set(`${role}@${user.unit_code}`, Number(user.id));
  }
  return staff;
}

export const staffName = (role: 'officer' | 'leader', unitCode: string) =>
  `${role === 'officer' ? 'canbo' : 'lanhdao'}.u${unitCode.toLowerCase()}`;

/** Every shipped procedure with a valid receipt in the test fixtures, with its version in force and parsed diagram. */
async function procedureRuns(system: System, now: Date): Promise<ProcedureRun[]> {
  const runs: ProcedureRun[] = [];
  for (const procedure of await system.catalogue.list()) {
    const data = RECEIPTS[procedure.code]?.data;
    const version = await system.catalogue.versionInForceOrNull(procedure.code, now);
    if (!data || !version || procedure.status !== 'active') continue;
    const { xml } = await system.catalogue.definitionOf(version.id);
    runs.push({ procedure, versionId: version.id, definition: await parseDefinition(xml), data });
  }
  return runs;
}

/**
 * The units that receive a procedure (src/dossiers/receipt.ts `assertReceivable`), some busier than others
 * (log-normal weights), in force on the day.
 */
function unitPicker(units: UnitDirectory, random: () => number): (run: ProcedureRun, day: string) => Unit | undefined {
  const weight = new Map(units.list().map((u) => [u.code, Math.exp(0.8 * gaussian(random))]));
  const candidatesOn = new Map<string, { units: Unit[]; total: number }>();
  return ({ procedure }, day) => {
    let candidates = candidatesOn.get(`${procedure.code} ${day}`);
    if (!candidates) {
      const handling = units
        .list()
        .filter(
          (u) =>
            procedure.levels.includes(u.level) &&
            (!procedure.departmentCode || procedure.departmentCode === u.code) &&
            units.isInForce(u, day),
        );
      candidatesOn.set(
        `${procedure.code} ${day}`,
        (candidates = { units: handling, total: handling.reduce((sum, u) => sum + weight.get(u.code)!, 0) }),
      );
    }
    let r = random() * candidates.total;
    return candidates.units.find((u) => (r -= weight.get(u.code)!) <= 0) ?? candidates.units.at(-1);
  };
}

/** `count` receipt instants, in order, during desk hours (08:00–17:00 Hà Nội) of the working days of the last 365 days. */
function receiptTimes(calendar: WorkingCalendar, count: number, now: Date, random: () => number): Date[] {
  const days: string[] = [];
  for (let back = 365; back >= 1; back--) {
    const day = localDate(new Date(now.getTime() - back * 86_400_000));
    if (calendar.isWorkingDay(day)) days.push(day);
  }
  const times = Array.from(
    { length: count },
    () =>
      Date.parse(`${days[Math.floor(random() * days.length)]}T08:00:00+07:00`) + Math.floor(random() * 9 * 3_600_000),
  );
  return times.sort((a, b) => a - b).map((t) => new Date(t));
}

/** One transaction per batch of dossiers, parents first. */
async function write(knex: Knex, batch: LifeRows[]): Promise<void> {
  await knex.transaction(async (trx) => {
    await insert(
      trx,
      'dossiers',
      batch.map((r) => r.dossier),
    );
    await insert(
      trx,
      'dossier_states',
      batch.flatMap((r) => (r.state ? [r.state] : [])),
    );
    await insert(
      trx,
      'tasks',
      batch.flatMap((r) => r.tasks),
    );
    for (const table of ['events', 'jobs', 'alerts', 'outbox'] as const) {
      await insert(
        trx,
        table === 'events' ? 'dossier_events' : table,
        batch.flatMap((r) => r[table]),
      );
    }
  });
}

/** Multi-row inserts (`insert … values (…), (…)`), within SQLite's limit of bound parameters. */
async function insert(knex: Knex, table: string, rows: readonly object[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!);
  const chunk = Math.floor(30_000 / columns.length);
  const tuple = `(${columns.map(() => '?').join(',')})`;
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk) as Record<string, unknown>[];
    const values = slice.flatMap((row) =>
      columns.map((c) => (typeof row[c] === 'boolean' ? Number(row[c]) : (row[c] ?? null))),
    );
    await knex.raw(`insert into ?? (${columns.map(() => '??').join(',')}) values ${slice.map(() => tuple).join(',')}`, [
      table,
      ...columns,
      ...values,
    ] as Knex.RawBinding[]);
  }
}

async function busiestUnit(knex: Knex): Promise<GeneratedDatabase['busiest']> {
  const top = await knex('tasks')
    .whereIn('status', ['open', 'claimed'])
    .where('role', 'officer')
    .groupBy('unit_code')
    .orderBy('n', 'desc')
    .first('unit_code', knex.raw('count(*) as n'));
  if (!top) throw new Error('no open officer task was generated: give more dossiers');
  const officer = await knex('users')
    .where('unit_code', top.unit_code)
    .where('roles', 'like', '%"officer"%')
    .orderBy('id')
    .first('username');
  return { unitCode: top.unit_code, officer: officer.username, openTasks: Number(top.n) };
}

/** A small seeded generator (mulberry32): the same database for the same `count` and day. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
