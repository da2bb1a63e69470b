/** What the officers' pages read from the API (shapes of src/http/schemas.ts and the routes' answers). */
import type * as Api from '../app/api-types';
import type { FormSchema } from '../app/forms/form-schema';

export type { TimelineEntry } from '../app/api-types';

export interface Task {
  id: number;
  dossierCode: string;
  activityId: string;
  name: string;
  role: string;
  unitCode: string;
  status: 'open' | 'claimed' | 'completed' | 'cancelled';
  /** Outcome values the flow after the task branches on; empty if none. */
  outcomes: string[];
  createdAt: string;
  dueAt: string | null;
  claimedBy: number | null;
  claimedByName: string | null;
  completedAt: string | null;
  outcome: string | null;
}

export interface InboxItem extends Task {
  dossier: {
    procedureCode: string;
    procedureName: string;
    applicantName: string;
    statusCode: number;
    statusLabel: string;
    dueAt: string | null;
  };
}

export interface Applicant {
  fullName: string;
  idNumber: string;
  phone: string | null;
  email: string | null;
}

export interface Dossier {
  code: string;
  procedureCode: string;
  procedureName: string;
  procedureVersion: number;
  unitCode: string;
  unitName: string;
  deskUnitCode: string;
  deskUnitName: string;
  channel: string;
  statusCode: number;
  statusLabel: string;
  applicant: Applicant;
  data: Record<string, unknown>;
  receivedAt: string;
  clockStartedAt: string | null;
  dueAt: string | null;
  appointmentAt: string | null;
  pausedAt: string | null;
  pausedWorkingMinutes: number;
  missingItems: string[] | null;
  statusReason: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  onTime: boolean | null;
  lateRisk: boolean;
  late: { at: string; activityId: string | null; unitCode: string | null } | null;
  /** Number of events in the dossier's history: changes whenever the dossier does. */
  version: number;
  tasks: Task[];
}

export type DossierSummary = Pick<
  Api.DossierSummary,
  | 'code'
  | 'procedureCode'
  | 'procedureName'
  | 'unitName'
  | 'statusCode'
  | 'statusLabel'
  | 'applicantName'
  | 'receivedAt'
  | 'dueAt'
>;

export interface Handover {
  from: { unitCode: string; unitName: string; officer: string | null; step: string | null };
  to: { unitCode: string | null; unitName: string; role: string | null; officer: string | null; step: string | null };
  at: string;
  result: 'early' | 'on-time' | 'late' | null;
}

export interface ControlSlip {
  handovers: Handover[];
  units: { unitCode: string; unitName: string; budgetHours: number; spentHours: number; late: boolean }[];
}

export interface Attachment {
  id: number;
  name: string;
  document: string;
  mediaType: string;
  size: number;
  uploadedAt: string;
}

export interface Alert {
  id: number;
  dossierCode: string;
  kind: 'late-risk' | 'overdue' | 'reminder' | 'escalation';
  message: string;
  raisedAt: string;
  acknowledgedAt: string | null;
}

export type ProcedureSummary = Pick<Api.ProcedureSummary, 'code' | 'name' | 'levels' | 'departmentCode' | 'status'>;

export interface Procedure extends ProcedureSummary {
  formSchema: FormSchema | null;
  documents: { name: string; quantity?: string }[];
  version: { number: number } | null;
}

/** The three outcomes of receipt. */
export type ReceiptOutcome = 'accept' | 'supplement' | 'refuse';
