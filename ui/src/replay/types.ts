/** What the audit pages read from the API: the server's schemas' types (`app/api-types.ts`). */
import type * as Api from '../app/api-types';

export type {
  Divergence,
  EngineEventRef,
  HeatmapEntry,
  Replay,
  ReplayStep,
  TimelineEntry,
  Verification,
} from '../app/api-types';

export type DossierSummary = Pick<
  Api.DossierSummary,
  | 'code'
  | 'procedureCode'
  | 'procedureName'
  | 'procedureVersion'
  | 'unitCode'
  | 'unitName'
  | 'statusCode'
  | 'statusLabel'
  | 'applicantName'
  | 'receivedAt'
  | 'dueAt'
  | 'finishedAt'
  | 'onTime'
>;

/** A page of GET /api/dossiers. */
export interface DossierPage {
  total: number;
  items: DossierSummary[];
}

/** The part of GET /api/dossiers/:code the replay page shows. */
export type Dossier = Omit<DossierSummary, 'applicantName'> & { applicant: Pick<Api.Dossier['applicant'], 'fullName'> };

export type ProcedureSummary = Pick<Api.ProcedureSummary, 'code' | 'name' | 'status'>;

/** A version as the heatmap tab lists it (GET /api/procedures/:code/versions). */
export type VersionSummary = Pick<Api.Version, 'number' | 'status' | 'inForce' | 'validFrom' | 'publishedAt'>;
