import { Audit } from './audit/audit.js';
import { Users } from './auth/users.js';
import { Calendars } from './calendar/index.js';
import { Announcements } from './catalogue/announcements.js';
import { Catalogue } from './catalogue/catalogue.js';
import { DEFAULT_MAX_BPMN_BYTES } from './catalogue/validation.js';
import { ProcedureVersions } from './catalogue/versions.js';
import { FormValidator } from './catalogue/forms.js';
import { connect, type Database } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { CacheWatcher, type CacheName } from './db/revisions.js';
import { Poller } from './scheduler/poller.js';
import { Forms } from './forms/forms.js';
import { Alerts } from './dossiers/alerts.js';
import { Dossiers } from './dossiers/dossiers.js';
import { DefinitionCache } from './engine/definitions.js';
import { LegacyImports } from './imports/legacy.js';
import { Reorganisations } from './reorganisation/reorganisations.js';
import { ProcessRunner } from './engine/runner.js';
import { EngineThreads } from './engine/threads.js';
import { Deliverer } from './notifications/deliverer.js';
import { Outbox } from './notifications/outbox.js';
import { LogTransport, SmtpTransport, type Transport } from './notifications/transports.js';
import type { UploadLimits } from './portal/files.js';
import { Portal } from './portal/portal.js';
import { OnTimeReport } from './reports/on-time.js';
import { JobQueue } from './scheduler/jobs.js';
import { Scheduler } from './scheduler/scheduler.js';
import { isEmpty, seed } from './seed.js';
import { Settings, workingPeriods } from './settings/settings.js';
import { UnitDirectory } from './units/directory.js';

interface Logger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SystemOptions {
  databaseUrl: string;
  adminPassword: string;
  demoAccounts?: boolean;
  clock?: () => Date;
  /** Where notifications and background failures are logged. */
  log?: Logger;
  /** SMTP server for e-mail notifications (e.g. smtps://user:pass@host:465) and the sender address. */
  smtp?: { url: string; from: string } | undefined;
  /** The address citizens reach the system at, printed on the forms (default http://localhost:3000). */
  publicUrl?: string | undefined;
  /** The largest BPMN diagram accepted, in bytes (default 5 MB). */
  maxBpmnBytes?: number | undefined;
  /** The largest file and the most files of an online submission (default 10 MB and 20). */
  uploads?: Partial<UploadLimits> | undefined;
  /** Worker threads that run engine steps (default none: steps run on the main thread). */
  engineThreads?: number | undefined;
}

/** Every domain service, wired once; the HTTP server and the command line both run on it. */
export interface System {
  db: Database;
  clock: () => Date;
  units: UnitDirectory;
  users: Users;
  settings: Settings;
  calendars: Calendars;
  catalogue: Catalogue;
  versions: ProcedureVersions;
  announcements: Announcements;
  dossiers: Dossiers;
  portal: Portal;
  alerts: Alerts;
  forms: Forms;
  reports: { onTime: OnTimeReport };
  audit: Audit;
  imports: { legacy: LegacyImports };
  reorganisations: Reorganisations;
  jobs: JobQueue;
  scheduler: Scheduler;
  outbox: Outbox;
  deliverer: Deliverer;
  /** Reloads what other nodes changed in the units, rules and holidays held in memory; the background loop calls it. */
  refreshCaches(): Promise<CacheName[]>;
  /** Starts the background work of this node: caches kept fresh, due timers and notification delivery. */
  startBackground(intervalMs?: number): void;
  close(): Promise<void>;
}

const SILENT: Logger = { info: () => undefined, error: () => undefined };

/** Opens the database, brings its schema up to date, seeds a new one, and wires the services. */
export async function openSystem(options: SystemOptions): Promise<System> {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? SILENT;
  const db = await connect(options.databaseUrl);
  try {
    await migrateToLatest(db.knex);
    if (await isEmpty(db.knex)) {
      await seed(db.knex, { adminPassword: options.adminPassword, demoAccounts: options.demoAccounts ?? true, clock });
    }
    const { knex } = db;
    const units = new UnitDirectory([], []);
    const settings = new Settings(knex);
    const calendars = new Calendars(knex, () => workingPeriods(settings.rules), clock);
    const reloadRules = async () => {
      await settings.load();
      await calendars.reload();
    };
    const caches = new CacheWatcher(knex, { units: () => units.reload(knex), rules: reloadRules, holidays: () => calendars.reload() });
    const cacheRefresh = new Poller(() => caches.refresh(), (err) => log.error({ err }, 'cache refresh failed'));
    await caches.prime();
    await units.reload(knex);
    await reloadRules();
    const definitions = new DefinitionCache();
    const runner = new ProcessRunner();
    const threads = options.engineThreads ? new EngineThreads(options.engineThreads) : null;
    const catalogue = new Catalogue(knex, definitions, clock, db.reads);
    const versions = new ProcedureVersions({ knex, catalogue, clock, hoursPerDay: () => calendars.standard.minutesPerDay / 60, maxBpmnBytes: options.maxBpmnBytes ?? DEFAULT_MAX_BPMN_BYTES });
    const announcements = new Announcements(knex, catalogue, calendars, clock);
    const jobs = new JobQueue(knex);
    const scheduler = new Scheduler(jobs, clock, log);
    const outbox = new Outbox(knex);
    const transports: Transport[] = [...(options.smtp ? [new SmtpTransport(options.smtp.url, options.smtp.from)] : []), new LogTransport(log)];
    const deliverer = new Deliverer(outbox, transports, clock);
    const dossierDeps = { knex, reads: db.reads, catalogue, forms: new FormValidator(), units, runner: threads ?? runner, calendars, settings, jobs, outbox, clock };
    const dossiers = new Dossiers(dossierDeps);
    dossiers.handleTimers(scheduler);
    const reorganisations = new Reorganisations({ knex, units, dossiers, jobs, clock });
    reorganisations.handle(scheduler);
    const audit = new Audit({ knex, definitions, runner, units, calendars, clock });
    return {
      db, clock, units, users: new Users(knex, units, clock, db.reads), settings, calendars, catalogue, versions, announcements, dossiers, portal: new Portal({ ...dossierDeps, limits: options.uploads }), alerts: new Alerts(knex, clock), forms: new Forms(dossiers, options.publicUrl ?? 'http://localhost:3000'), reports: { onTime: new OnTimeReport(db.reads, units) }, audit, imports: { legacy: new LegacyImports(dossierDeps) }, reorganisations, jobs, scheduler, outbox, deliverer,
      refreshCaches: () => caches.refresh(),
      startBackground(intervalMs = 1000) {
        cacheRefresh.start(intervalMs);
        scheduler.start(intervalMs);
        deliverer.start(intervalMs);
      },
      async close() {
        await cacheRefresh.stop();
        await scheduler.stop();
        await deliverer.stop();
        await threads?.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
