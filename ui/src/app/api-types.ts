/**
 * The API's answers as the browser receives them, derived from the server's own route schemas
 * (`src/http/routes/<prefix>/schemas.ts`) so that a page and the server cannot drift apart. Type-only: nothing of the
 * server is bundled.
 */
import type { Static } from 'typebox';
import type * as Alerts from '../../../src/http/routes/alerts/schemas';
import type * as Announcements from '../../../src/http/routes/announcements/schemas';
import type * as Audit from '../../../src/http/routes/dossiers/audit-schemas';
import type * as Inputs from '../../../src/http/routes/dossiers/input-schemas';
import type * as Dossiers from '../../../src/http/routes/dossiers/schemas';
import type * as Incidents from '../../../src/http/routes/incidents/schemas';
import type * as Portal from '../../../src/http/routes/portal/schemas';
import type * as Procedures from '../../../src/http/routes/procedures/schemas';
import type * as Versions from '../../../src/http/routes/procedures/version-schemas';
import type * as Tasks from '../../../src/http/routes/tasks/schemas';
import type * as Units from '../../../src/http/routes/units/schemas';

export type Dossier = Static<typeof Dossiers.Dossier>;
export type DossierSummary = Static<typeof Dossiers.DossierSummary>;
export type Attachment = Static<typeof Dossiers.Attachment>;
export type ControlSlip = Static<typeof Dossiers.ControlSlip>;
export type ApplicantInput = Static<typeof Inputs.ApplicantInput>;
export type Task = Static<typeof Tasks.Task>;
export type InboxItem = Static<typeof Tasks.InboxItem>;
export type Alert = Static<typeof Alerts.Alert>;

export type TimelineEntry = Static<typeof Audit.TimelineEntry>;
export type Replay = Static<typeof Audit.Replay>;
export type ReplayStep = Static<typeof Audit.ReplayStep>;
export type Divergence = Static<typeof Audit.Divergence>;
export type EngineEventRef = Static<typeof Audit.EngineEventRef>;
export type Verification = Static<typeof Audit.Verification>;

export type ProcedureSummary = Static<typeof Procedures.ProcedureSummary>;
export type Procedure = Static<typeof Procedures.Procedure>;
export type Version = Static<typeof Versions.Version>;
export type VersionOfProcedure = Static<typeof Versions.VersionOfProcedure>;
export type ModellingProcedure = Static<typeof Versions.ModellingProcedure>;
export type HeatmapEntry = Static<typeof Versions.HeatmapEntry>;
export type Announcement = Static<typeof Announcements.Announcement>;
export type AnnouncementChange = Static<typeof Announcements.AnnouncementChange>;

export type TrackedDossier = Static<typeof Portal.TrackedDossier>;
export type CitizenDossier = Static<typeof Portal.CitizenDossier>;
export type SubmittedDossier = Static<typeof Portal.SubmittedDossier>;

export type Unit = Static<typeof Units.Unit>;
export type Incident = Static<typeof Incidents.Incident>;
export type IssuedForm = Static<typeof Dossiers.IssuedForm>;
export type RegisterEntry = Static<typeof Units.RegisterEntry>;
