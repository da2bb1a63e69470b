import type { Knex } from 'knex';
import type { Calendars } from '../calendar/index.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { FormValidator } from '../catalogue/application-form-validator.js';
import type { StepRunner } from '../engine/steps.js';
import type { Incidents } from '../incidents/incidents.js';
import type { Outbox } from '../notifications/outbox.js';
import type { JobQueue } from '../scheduler/jobs.js';
import type { Settings } from '../settings/settings.js';
import type { UnitDirectory } from '../units/directory.js';
import type { DossierRepository } from './repository.js';

/** What the dossiers room works with, wired once in `src/system.ts`. */
export interface DossierDeps {
  knex: Knex;
  /** Reads outside a transaction (see Database.reads). */
  reads: Knex;
  catalogue: Catalogue;
  forms: FormValidator;
  units: UnitDirectory;
  /** The engine threads, holding every step of a blocked version (see incidents/held.ts). */
  runner: StepRunner;
  incidents: Incidents;
  calendars: Calendars;
  settings: Settings;
  jobs: JobQueue;
  outbox: Outbox;
  clock: () => Date;
}

export interface DossierContext extends DossierDeps {
  repo: DossierRepository;
}
