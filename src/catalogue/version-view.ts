import type { Finding } from './validation.js';

export type VersionStatus = 'draft' | 'submitted' | 'published' | 'retired';

/** A version of a procedure's diagram, without its XML. */
export interface VersionView {
  number: number;
  /** `retired` once a later version took over (or the procedure was abolished). */
  status: VersionStatus;
  /** This is the version new dossiers bind to now. */
  inForce: boolean;
  sha256: string;
  processId: string;
  validFrom: string | null;
  validTo: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string | null;
  submittedBy: number | null;
  submittedAt: string | null;
  publishedBy: number | null;
  publishedAt: string | null;
  rejectedReason: string | null;
  rejectedAt: string | null;
  changeId: number | null;
  findings: Finding[];
}

/** A stored version as the API shows it at `now`: a published version whose end has passed is retired. */
export function toVersionView(row: Record<string, unknown>, now: string): VersionView {
  const ended = row.valid_to !== null && String(row.valid_to) <= now;
  const published = row.status === 'published';
  return {
    number: Number(row.number),
    status: published && ended ? 'retired' : (row.status as VersionStatus),
    inForce: published && !ended && (row.valid_from === null || String(row.valid_from) <= now),
    sha256: String(row.sha256),
    processId: String(row.process_id),
    validFrom: (row.valid_from as string | null) ?? null,
    validTo: (row.valid_to as string | null) ?? null,
    createdBy: (row.created_by as number | null) ?? null,
    createdAt: String(row.created_at),
    updatedAt: (row.updated_at as string | null) ?? null,
    submittedBy: (row.submitted_by as number | null) ?? null,
    submittedAt: (row.submitted_at as string | null) ?? null,
    publishedBy: (row.published_by as number | null) ?? null,
    publishedAt: (row.published_at as string | null) ?? null,
    rejectedReason: (row.rejected_reason as string | null) ?? null,
    rejectedAt: (row.rejected_at as string | null) ?? null,
    changeId: (row.change_id as number | null) ?? null,
    findings: row.findings ? JSON.parse(String(row.findings)) : [],
  };
}
