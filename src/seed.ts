import type { Knex } from 'knex';
import { DEMO_PASSWORD, isPublishedPassword, markDemo } from './auth/demo.js';
import { Users } from './auth/users.js';
import { shippedHolidays } from './calendar/holidays.js';
import { addPublishedProcedure } from './catalogue/catalogue.js';
import { markChecked } from './catalogue/recheck.js';
import { shippedProcedures } from './catalogue/shipped.js';
import { UnitDirectory } from './units/directory.js';
import { seedUnits } from './units/seed.js';

export interface SeedOptions {
  adminPassword: string;
  demoAccounts: boolean;
  clock: () => Date;
}

export { DEMO_PASSWORD };

/** Demo staff, one per role the flows need (README "Demo accounts"). */
export const DEMO_ACCOUNTS = [
  { username: 'canbo.phucxa', fullName: 'Nguyễn Thị Hoa', unitCode: '00001', roles: ['officer'] },
  { username: 'lanhdao.phucxa', fullName: 'Trần Văn Minh', unitCode: '00001', roles: ['leader'] },
  { username: 'canbo.badinh', fullName: 'Lê Thu Trang', unitCode: '001', roles: ['officer'] },
  { username: 'lanhdao.badinh', fullName: 'Phạm Quốc Hùng', unitCode: '001', roles: ['leader'] },
  { username: 'canbo.sxd', fullName: 'Đỗ Mạnh Cường', unitCode: 'SXD', roles: ['officer'] },
  { username: 'lanhdao.sxd', fullName: 'Vũ Thị Lan', unitCode: 'SXD', roles: ['leader'] },
  { username: 'canbo.sgddt', fullName: 'Nguyễn Thị Thu Hằng', unitCode: 'SGDDT', roles: ['officer'] },
  { username: 'lanhdao.sgddt', fullName: 'Đinh Văn Khải', unitCode: 'SGDDT', roles: ['leader'] },
  { username: 'canbo.stc', fullName: 'Lương Minh Tuấn', unitCode: 'STC', roles: ['officer'] },
  { username: 'lanhdao.stc', fullName: 'Trịnh Thị Ngọc Bích', unitCode: 'STC', roles: ['leader'] },
  { username: 'modeler.stp', fullName: 'Hoàng Anh Tuấn', unitCode: 'STP', roles: ['modeler'] },
  { username: 'vpubnd', fullName: 'Ngô Thanh Hà', unitCode: 'VPUBND', roles: ['publisher'] },
  { username: 'thanhtra', fullName: 'Bùi Đức Thắng', unitCode: 'TTTP', roles: ['auditor'] },
  { username: 'congdan', fullName: 'Nguyễn Văn An', unitCode: null, roles: ['citizen'] },
] as const;

/** Whether the database has never been seeded. */
export async function isEmpty(knex: Knex): Promise<boolean> {
  return (await knex('units').first('code')) === undefined;
}

/**
 * Fills a new database: units, holidays, the shipped procedures, the admin and, on a demo database, the demo
 * accounts. A database for real work refuses to start with the published administrator password.
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
    const demo = DEMO_ACCOUNTS.map((a) => ({ ...a, roles: [...a.roles], password: DEMO_PASSWORD }));
    await users.createAll(options.demoAccounts ? [admin, ...demo] : [admin]);
  });
}
