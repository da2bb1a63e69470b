/**
 * The API's answers as the browser receives them, derived from the server's own route schemas
 * (`src/http/routes/<prefix>/schemas.ts`) so that a page and the server cannot drift apart. Type-only: nothing of the
 * server is bundled.
 */
import type { Static } from 'typebox';
import type * as Audit from '../../../src/http/routes/dossiers/audit-schemas';
import type * as Dossiers from '../../../src/http/routes/dossiers/schemas';
import type * as Incidents from '../../../src/http/routes/incidents/schemas';
import type * as Procedures from '../../../src/http/routes/procedures/schemas';
import type * as Units from '../../../src/http/routes/units/schemas';

export type DossierSummary = Static<typeof Dossiers.DossierSummary>;
export type ProcedureSummary = Static<typeof Procedures.ProcedureSummary>;
export type Unit = Static<typeof Units.Unit>;
export type TimelineEntry = Static<typeof Audit.TimelineEntry>;
export type Incident = Static<typeof Incidents.Incident>;
