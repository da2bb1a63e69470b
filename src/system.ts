import { Audit } from './audit/audit.js';
import { isDemoDatabase } from './auth/demo.js';
import { LoginGuard } from './auth/login-guard.js';
import { Users } from './auth/users.js';
import { Calendars } from './calendar/index.js';
import { Announcements } from './catalogue/announcements.js';
import { Catalogue } from './catalogue/catalogue.js';
import { DEFAULT_MAX_BPMN_BYTES } from './catalogue/validation.js';
import { DiagramChecks } from './catalogue/diagram-checks.js';
import { recheckStoredVersions } from './catalogue/recheck.js';
import { heldWhenBlocked } from './incidents/held.js';
import { Incidents } from './incidents/incidents.js';
import { ProcedureVersions } from './catalogue/versions.js';
import { FormValidator } from './catalogue/application-form-validator.js';
import { connect, type Database } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { CacheWatcher, type CacheName } from './db/revisions.js';
import { Poller } from './scheduler/poller.js';
import { Forms } from './printed-forms/forms.js';
import { Alerts, Dossiers } from './dossiers/index.js';
import { DefinitionCache } from './engine/definitions.js';
import { LegacyImports } from './imports/legacy.js';
import { Reorganisations } from './reorganisation/reorganisations.js';
import { DEFAULT_STEP_TIMEOUT_MS, defaultEngineThreads, EngineThreads } from './engine/threads.js';
import { Deliverer } from './notifications/deliverer.js';
import { Outbox } from './notifications/outbox.js';
import { SmppTransport, type SmppOptions } from './notifications/smpp-transport.js';
import { MessageTemplates } from './notifications/templates.js';
import { LogTransport, SmtpTransport, type Transport } from './notifications/transports.js';
import { Identities } from './auth/identities.js';
import { IdentityProviders, type IdentityProviderConfig, type IdentityProviderId } from './auth/oidc.js';
import type { UploadLimits } from './portal/files.js';
import { Portal } from './portal/portal.js';
import { DigitisationReport } from './reports/digitisation.js';
import { OnTimeReport } from './reports/on-time.js';
import { JobQueue } from './scheduler/jobs.js';
import { Scheduler } from './scheduler/scheduler.js';
import { isEmpty, seed } from './seed.js';
import { Settings, workingPeriods } from './settings/settings.js';
import { UnitDirectory } from './units/directory.js';

interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
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
  /** Sign-in through OpenID Connect, per provider (none by default). */
  oidc?: Partial<Record<IdentityProviderId, IdentityProviderConfig>> | undefined;
  /**
   * Where the providers send the browser back (`<base>/api/auth/oidc/<provider>/callback`): the public address behind
   * a proxy; without it, this server's address as the request reached it.
   */
  oidcRedirectBase?: string | undefined;
  /** The SMSC for SMS notifications, over SMPP (bound as a transceiver); without it SMS go to the log. */
  smpp?: SmppOptions | undefined;
  /** The address citizens reach the system at, printed on the forms (default http://localhost:3000). */
  publicUrl?: string | undefined;
  /** The largest BPMN diagram accepted, in bytes (default 5 MB). */
  maxBpmnBytes?: number | undefined;
  /** How long checking one uploaded diagram may take, in milliseconds (default 30 s). */
  bpmnCheckTimeoutMs?: number | undefined;
  /** The largest file and the most files of an online submission (default 10 MB and 20). */
  uploads?: Partial<UploadLimits> | undefined;
  /** Worker threads that run engine steps (default: one per core but one, at least one). */
  engineThreads?: number | undefined;
  /** The time limit of one engine step, in milliseconds (default 10 s). */
  engineStepTimeoutMs?: number | undefined;
}

/** Every domain service, wired once; the HTTP server and the command line both run on it. */
export interface System {
  db: Database;
  /** The database was created as a demo: accounts with published passwords exist (README "Demo accounts"). */
  demo: boolean;
  /** Failed logins per address, across accounts. */
  logins: LoginGuard;
  /** The engine threads: every bpmn-engine step and replay runs there, under a time limit. */
  engine: EngineThreads;
  /** Steps stopped and versions blocked, for VPUBND, the departments and the units concerned. */
  incidents: Incidents;
  clock: () => Date;
  units: UnitDirectory;
  users: Users;
  /** OpenID Connect sign-in and the accounts identities sign in as. */
  identityProviders: IdentityProviders;
  identities: Identities;
  settings: Settings;
  calendars: Calendars;
  catalogue: Catalogue;
  versions: ProcedureVersions;
  announcements: Announcements;
  dossiers: Dossiers;
  portal: Portal;
  alerts: Alerts;
  forms: Forms;
  reports: { onTime: OnTimeReport; digitisation: DigitisationReport };
  audit: Audit;
  imports: { legacy: LegacyImports };
  reorganisations: Reorganisations;
  jobs: JobQueue;
  scheduler: Scheduler;
  outbox: Outbox;
  /** The applicant's message templates, which an administrator edits. */
  templates: MessageTemplates;
  deliverer: Deliverer;
  /** Reloads what other nodes changed in the units, rules and holidays held in memory; the background loop calls it. */
  refreshCaches(): Promise<CacheName[]>;
  /** Starts the background work of this node: caches kept fresh, due timers and notification delivery. */
  startBackground(intervalMs?: number): void;
  close(): Promise<void>;
}

const SILENT: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

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
    const demo = await isDemoDatabase(knex);
    if (demo)
      log.warn(
        { demo },
        'DEMO DATABASE: its accounts have the passwords the README publishes; never receive real dossiers on it',
      );
    const units = new UnitDirectory([], []);
    const settings = new Settings(knex);
    const calendars = new Calendars(knex, () => workingPeriods(settings.rules), clock);
    const reloadRules = async () => {
      await settings.load();
      await calendars.reload();
    };
    const incidents = new Incidents(knex, clock);
    const caches = new CacheWatcher(knex, {
      units: () => units.reload(knex),
      rules: reloadRules,
      holidays: () => calendars.reload(),
      blocks: () => incidents.reload(),
    });
    const cacheRefresh = new Poller(
      () => caches.refresh(),
      (err) => log.error({ err }, 'cache refresh failed'),
    );
    await caches.prime();
    await units.reload(knex);
    await reloadRules();
    const engine = new EngineThreads({
      threads: options.engineThreads ?? defaultEngineThreads(),
      stepTimeoutMs: options.engineStepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS,
    });
    const definitions = new DefinitionCache((xml, hash) => engine.outline(xml, hash));
    const diagrams = new DiagramChecks(options.bpmnCheckTimeoutMs);
    await recheckStoredVersions({ knex, diagrams, incidents, log });
    await incidents.reload();
    const catalogue = new Catalogue(knex, definitions, clock, db.reads);
    const versions = new ProcedureVersions({
      knex,
      catalogue,
      clock,
      hoursPerDay: () => calendars.standard.minutesPerDay / 60,
      maxBpmnBytes: options.maxBpmnBytes ?? DEFAULT_MAX_BPMN_BYTES,
      diagrams,
      publisherNotSubmitter: () => settings.rules.publisherNotSubmitter,
    });
    const announcements = new Announcements(knex, catalogue, calendars, clock);
    const jobs = new JobQueue(knex);
    const scheduler = new Scheduler(jobs, clock, log);
    const templates = new MessageTemplates(knex);
    const outbox = new Outbox(knex, templates);
    const transports: Transport[] = [
      ...(options.smtp ? [new SmtpTransport(options.smtp.url, options.smtp.from)] : []),
      ...(options.smpp ? [new SmppTransport(options.smpp, outbox, clock, log)] : []),
      new LogTransport(log),
    ];
    const deliverer = new Deliverer(outbox, transports, clock);
    const dossierDeps = {
      knex,
      reads: db.reads,
      catalogue,
      forms: new FormValidator(),
      units,
      runner: heldWhenBlocked(engine, incidents),
      incidents,
      calendars,
      settings,
      jobs,
      outbox,
      clock,
    };
    const dossiers = new Dossiers(dossierDeps);
    dossiers.handleTimers(scheduler);
    const reorganisations = new Reorganisations({ knex, units, dossiers, jobs, clock });
    reorganisations.handle(scheduler);
    const audit = new Audit({ knex, definitions, replayer: engine, units, calendars, clock });
    const users = new Users(knex, units, clock, db.reads, demo);
    return {
      db,
      engine,
      incidents,
      clock,
      units,
      users,
      identityProviders: new IdentityProviders(knex, options.oidc ?? {}, clock, options.oidcRedirectBase),
      identities: new Identities(knex, users, clock),
      demo,
      logins: new LoginGuard(),
      settings,
      calendars,
      catalogue,
      versions,
      announcements,
      dossiers,
      portal: new Portal({ ...dossierDeps, limits: options.uploads }),
      alerts: new Alerts(knex, clock),
      forms: new Forms(dossiers, units, options.publicUrl ?? 'http://localhost:3000', clock),
      reports: { onTime: new OnTimeReport(db.reads, units), digitisation: new DigitisationReport(db.reads, units) },
      audit,
      imports: { legacy: new LegacyImports(dossierDeps) },
      reorganisations,
      jobs,
      scheduler,
      outbox,
      templates,
      deliverer,
      refreshCaches: () => caches.refresh(),
      startBackground(intervalMs = 1000) {
        cacheRefresh.start(intervalMs);
        scheduler.start(intervalMs);
        deliverer.start(intervalMs);
        for (const transport of transports) transport.start?.();
      },
      async close() {
        await cacheRefresh.stop();
        await scheduler.stop();
        await deliverer.stop();
        await Promise.all(transports.map((transport) => transport.close?.()));
        await engine.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
