import type { ListedDocument, ProcedureDocument } from './documents.js';

/** A time limit the law sets for one case of a procedure, told apart by an answer of the application form. */
export interface TimeLimitCase {
  /** The form's property (a key of `formSchema.properties`). */
  field: string;
  /** The answer that makes the case. */
  equals: string;
  /** Working hours (8 per working day). */
  hours: number;
  /** The law's words for the case, e.g. "15 ngày làm việc đối với nhà ở riêng lẻ". */
  text: string;
}

export interface Procedure {
  code: string;
  name: string;
  field: string;
  levels: string[];
  departmentCode: string | null;
  /** The department that owns the procedure's process (models and submits its diagrams). */
  ownerCode: string | null;
  agency: string | null;
  timeLimitHours: number | null;
  /** Limits for cases of the procedure, first match wins; a dossier of no listed case has `timeLimitHours`. */
  timeLimitCases: TimeLimitCase[];
  /** Due at the end of the working day on which counting starts ("ngay trong ngày"). */
  sameDay: boolean;
  /** Received at or after this local time (HH:MM), counting starts the next working day. */
  cutoffTime: string | null;
  timeLimitText: string | null;
  fee: string | null;
  onlineLevel: string | null;
  /**
   * The local day (YYYY-MM-DD) from which any branch of the service centre or any ward/commune desk may receive it for
   * the competent unit (không phụ thuộc địa giới hành chính); null when only the competent unit's desk receives it.
   */
  boundaryFreeFrom: string | null;
  documents: ListedDocument[];
  formSchema: Record<string, unknown> | null;
  /** Abolished once `validTo` has passed: it takes no new dossier. */
  status: 'active' | 'abolished';
  validTo: string | null;
}

/** The procedure fields an administrator or VPUBND sets (the catalogue's metadata of a procedure). */
export type ProcedureFields = Omit<Procedure, 'status' | 'validTo' | 'documents'> & { documents: ProcedureDocument[] };

export interface ProcedureVersion {
  id: number;
  procedureCode: string;
  number: number;
  status: string;
  sha256: string;
  processId: string;
  validFrom: string | null;
  validTo: string | null;
  publishedAt: string | null;
}

/** Procedures, their BPMN versions, and the parsed definition of each version. */
