/** What the audit pages read from the API (schemas in src/http/schemas.ts). */
import type * as Api from '../app/api-types';

export type { TimelineEntry } from '../app/api-types';

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

export interface DossierPage {
  total: number;
  items: DossierSummary[];
}

/** The part of GET /api/dossiers/:code the replay page shows. */
export interface Dossier extends Omit<DossierSummary, 'applicantName'> {
  applicant: { fullName: string };
}

export type StepKind = 'received' | 'accepted' | 'completed' | 'timer' | 'migrated' | 'imported';

export interface ReplayStep {
  seq: number;
  kind: StepKind;
  activityId: string | null;
  activityName: string | null;
  outcome: string | null;
  actor: { id: number | null; unitCode: string | null };
  at: string;
  taskOpenedAt: string | null;
  dueAt: string | null;
  timeSpentMinutes: number | null;
  onTime: boolean | null;
  /** Flow nodes and sequence flows passed in this step, in order. */
  path: string[];
  /** Activities waiting after the step. */
  tokens: string[];
  statusCode: number;
}

export interface EngineEventRef {
  type: string;
  elementId: string;
}

export interface Divergence {
  seq: number;
  expected: EngineEventRef | null;
  actual: EngineEventRef | null;
  message: string;
}

export interface Replay {
  ok: boolean;
  dossierCode: string;
  recordedBpmnSha256: string | null;
  bpmnSha256: string;
  bpmnUnchanged: boolean;
  steps: ReplayStep[];
  divergence: Divergence | null;
}

export interface Verification {
  ok: boolean;
  events: number;
  firstBadSeq?: number;
  reason?: string;
}

export interface HeatmapEntry {
  activityId: string;
  name: string | null;
  type: string;
  passed: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  late: number;
}

export type ProcedureSummary = Pick<Api.ProcedureSummary, 'code' | 'name' | 'status'>;

export interface VersionSummary {
  number: number;
  status: 'draft' | 'submitted' | 'published' | 'retired';
  inForce: boolean;
  validFrom: string | null;
  publishedAt: string | null;
}
