import { Audit } from './audit/audit.js';
import { Users } from './auth/users.js';
import { loadCalendar, type WorkingCalendar } from './calendar/index.js';
import { Catalogue } from './catalogue/catalogue.js';
import { FormValidator } from './catalogue/forms.js';
import { connect, type Database } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { Dossiers } from './dossiers/dossiers.js';
import { DefinitionCache } from './engine/definitions.js';
import { ProcessRunner } from './engine/runner.js';
import { isEmpty, seed } from './seed.js';
import { UnitDirectory } from './units/directory.js';

export interface SystemOptions {
  databaseUrl: string;
  adminPassword: string;
  demoAccounts?: boolean;
  clock?: () => Date;
}

/** Every domain service, wired once; the HTTP server and the command line both run on it. */
export interface System {
  db: Database;
  clock: () => Date;
  units: UnitDirectory;
  users: Users;
  catalogue: Catalogue;
  dossiers: Dossiers;
  audit: Audit;
  calendar: () => WorkingCalendar;
  close(): Promise<void>;
}

/** Opens the database, brings its schema up to date, seeds a new one, and wires the services. */
export async function openSystem(options: SystemOptions): Promise<System> {
  const clock = options.clock ?? (() => new Date());
  const db = await connect(options.databaseUrl);
  try {
    await migrateToLatest(db.knex);
    if (await isEmpty(db.knex)) {
      await seed(db.knex, { adminPassword: options.adminPassword, demoAccounts: options.demoAccounts ?? true, clock });
    }
    const units = await UnitDirectory.load(db.knex);
    const workingCalendar = await loadCalendar(db.knex);
    const calendar = () => workingCalendar;
    const definitions = new DefinitionCache();
    const runner = new ProcessRunner();
    const catalogue = new Catalogue(db.knex, definitions);
    const dossiers = new Dossiers({ knex: db.knex, catalogue, forms: new FormValidator(), units, runner, calendar, clock });
    const audit = new Audit({ knex: db.knex, definitions, runner, units, calendar, clock });
    return {
      db, clock, units, users: new Users(db.knex, units, clock), catalogue, dossiers, audit, calendar,
      close: () => db.knex.destroy(),
    };
  } catch (err) {
    await db.knex.destroy();
    throw err;
  }
}
