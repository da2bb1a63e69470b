import type { Knex } from 'knex';
import { DEMO_PASSWORD, isPublishedPassword, markDemo } from './auth/demo.js';
import { Users } from './auth/users.js';
import { shippedHolidays } from './calendar/holidays.js';
import { addPublishedProcedure, addPublishedRevision } from './catalogue/catalogue.js';
import { markChecked } from './catalogue/recheck.js';
import { shippedProcedures, shippedRevisions } from './catalogue/shipped.js';
import { UnitDirectory } from './units/directory.js';
import { seedUnits } from './units/seed.js';
import { applyShippedReorganisations } from './reorganisation/shipped.js';
import { localDate, startOfLocalDay } from './calendar/working-time.js';

export interface SeedOptions {
  adminPassword: string;
  demoAccounts: boolean;
  clock: () => Date;
}

export { DEMO_PASSWORD };

type DemoAccount = { username: string; fullName: string; unitCode: string | null; roles: readonly string[] };

/** Demo staff at the units of Hà Nội in force today (two-level local government, from 1 July 2025; README "Demo accounts"). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'canbo.hoankiem', fullName: 'Nguyễn Thị Hoa', unitCode: '00070', roles: ['officer'] },
  { username: 'lanhdao.hoankiem', fullName: 'Trần Văn Minh', unitCode: '00070', roles: ['leader'] },
  { username: 'canbo.thanhtri', fullName: 'Lê Thu Trang', unitCode: '00640', roles: ['officer'] },
  { username: 'lanhdao.thanhtri', fullName: 'Phạm Quốc Hùng', unitCode: '00640', roles: ['leader'] },
  { username: 'canbo.bhxh', fullName: 'Đặng Thị Mai', unitCode: 'BHXHTP', roles: ['officer'] },
  { username: 'lanhdao.bhxh', fullName: 'Cao Văn Sơn', unitCode: 'BHXHTP', roles: ['leader'] },
  { username: 'canbo.chinhanh1', fullName: 'Phan Thị Thu Hà', unitCode: 'TTPVHCC-CN01', roles: ['officer'] },
  ...cityStaff(),
];

/**
 * Demo staff of an installation that starts on the 2018 map (a clock before 1 July 2025, for training on the dossiers
 * of that time): a ward and a district that were abolished in 2025 instead of today's ward and commune.
 */
export const DEMO_ACCOUNTS_2018: readonly DemoAccount[] = [
  { username: 'canbo.phucxa', fullName: 'Nguyễn Thị Hoa', unitCode: '00001', roles: ['officer'] },
  { username: 'lanhdao.phucxa', fullName: 'Trần Văn Minh', unitCode: '00001', roles: ['leader'] },
  { username: 'canbo.badinh', fullName: 'Lê Thu Trang', unitCode: '001', roles: ['officer'] },
  { username: 'lanhdao.badinh', fullName: 'Phạm Quốc Hùng', unitCode: '001', roles: ['leader'] },
  ...cityStaff(),
];

function cityStaff(): DemoAccount[] {
  return [
    { username: 'canbo.sxd', fullName: 'Đỗ Mạnh Cường', unitCode: 'SXD', roles: ['officer'] },
    { username: 'lanhdao.sxd', fullName: 'Vũ Thị Lan', unitCode: 'SXD', roles: ['leader'] },
    { username: 'canbo.sgddt', fullName: 'Nguyễn Thị Thu Hằng', unitCode: 'SGDDT', roles: ['officer'] },
    { username: 'lanhdao.sgddt', fullName: 'Đinh Văn Khải', unitCode: 'SGDDT', roles: ['leader'] },
    { username: 'canbo.stc', fullName: 'Lương Minh Tuấn', unitCode: 'STC', roles: ['officer'] },
    { username: 'lanhdao.stc', fullName: 'Trịnh Thị Ngọc Bích', unitCode: 'STC', roles: ['leader'] },
    { username: 'canbo.congan', fullName: 'Trần Đức Anh', unitCode: 'CATP', roles: ['officer'] },
    { username: 'modeler.stp', fullName: 'Hoàng Anh Tuấn', unitCode: 'STP', roles: ['modeler'] },
    { username: 'vpubnd', fullName: 'Ngô Thanh Hà', unitCode: 'VPUBND', roles: ['publisher'] },
    { username: 'thanhtra', fullName: 'Bùi Đức Thắng', unitCode: 'TTTP', roles: ['auditor'] },
    { username: 'congdan', fullName: 'Nguyễn Văn An', unitCode: null, roles: ['citizen'] },
  ];
}

/** Whether the database has never been seeded. */
export async function isEmpty(knex: Knex): Promise<boolean> {
  return (await knex('units').first('code')) === undefined;
}

/**
 * Fills a new database: the units on the map in force on the clock's day (today's, or the 2018 map for an installation
 * that starts earlier, e.g. CLOCK_START for training), holidays, the shipped procedures with their revisions in force by
 * then, the admin and, on a demo database, the demo accounts of that map. A database for real work refuses to start
 * with the published administrator password.
 */
export async function seed(knex: Knex, options: SeedOptions): Promise<void> {
  if (!options.demoAccounts && isPublishedPassword(options.adminPassword)) {
    throw new Error(
      'ADMIN_PASSWORD must be set (not the password the README publishes) for a database that is not a demo (DEMO_ACCOUNTS=false)',
    );
  }
  const now = options.clock();
  await knex.transaction(async (trx) => {
    // Several nodes may start on one new PostgreSQL database: one seeds, the others find it seeded.
    if (trx.client.config.client === 'pg') await trx.raw('select pg_advisory_xact_lock(20181117)');
    if (!(await isEmpty(trx))) return;
    await seedUnits(trx);
    const twoLevelMap = (await applyShippedReorganisations(trx, localDate(now), now)) > 0;
    await trx.batchInsert(
      'holidays',
      shippedHolidays().map((h) => ({
        date: h.date,
        name: h.name,
        kind: h.kind,
        working_day: h.workingDay,
        status: h.status,
        source: h.source,
      })),
      100,
    );
    for (const { manifest, bpmnXml } of shippedProcedures()) await addPublishedProcedure(trx, manifest, bpmnXml, now);
    for (const { manifest, bpmnXml, validFrom } of shippedRevisions().filter((r) => r.validFrom <= localDate(now))) {
      await addPublishedRevision(trx, manifest, bpmnXml, now, startOfLocalDay(validFrom));
    }
    await markChecked(trx);
    await markDemo(trx, options.demoAccounts);
    const users = new Users(trx, await UnitDirectory.load(trx), options.clock);
    const admin = {
      username: 'admin',
      password: options.adminPassword,
      fullName: 'Quản trị hệ thống',
      unitCode: 'VPUBND',
      roles: ['admin'],
    };
    const demo = (twoLevelMap ? DEMO_ACCOUNTS : DEMO_ACCOUNTS_2018).map((a) => ({
      ...a,
      roles: [...a.roles],
      password: DEMO_PASSWORD,
    }));
    await users.createAll(options.demoAccounts ? [admin, ...demo] : [admin]);
  });
}
