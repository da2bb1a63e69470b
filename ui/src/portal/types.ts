/** What the portal reads from the API (src/http/schemas.ts and the portal routes). */
import type { FormSchema } from '../app/forms/form-schema';

export type OnlineLevel = 'toan_trinh' | 'mot_phan' | null;

export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  levels: string[];
  departmentCode: string | null;
  timeLimitText: string | null;
  onlineLevel: OnlineLevel;
  status: 'active' | 'abolished';
}

export interface ProcedureDocument {
  name: string;
  quantity?: string;
  /** Whether an online submission must attach it (the server decides and refuses one without it). */
  required: boolean;
}

export interface Procedure extends ProcedureSummary {
  agency: string | null;
  fee: string | null;
  documents: ProcedureDocument[];
  formSchema: FormSchema | null;
  version: { number: number; validFrom: string | null; publishedAt: string | null } | null;
}

export interface Unit {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface Applicant {
  fullName: string;
  idNumber: string;
  phone?: string;
  email?: string;
}

/** The answer to an online submission (201). */
export interface SubmittedDossier {
  code: string;
  statusCode: number;
  statusLabel: string;
  appointmentAt?: string | null;
}

export interface TimelineEntry {
  seq: number;
  at: string;
  label: string;
}

/** What anyone holding the code and the ID number may see of a dossier. */
export interface TrackedDossier {
  code: string;
  procedureCode?: string;
  procedureName?: string;
  statusCode: number;
  statusLabel: string;
  unitName?: string;
  deskUnitName?: string;
  receivedAt: string | null;
  appointmentAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  timeline: TimelineEntry[];
  rating?: { score: number; comment?: string | null } | null;
}

export interface MyDossier {
  code: string;
  procedureCode: string;
  procedureName: string;
  statusCode: number;
  statusLabel: string;
  unitName?: string;
  receivedAt?: string | null;
  appointmentAt?: string | null;
}
