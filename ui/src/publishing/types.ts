import type { Finding } from '../app/api';

/** What the desk reads from the API (schemas in src/http/schemas.ts). */
export type ChangeKind = 'new' | 'amend' | 'replace' | 'abolish';
export type ChangeState = 'pending' | 'on-time' | 'late';
export type VersionStatus = 'draft' | 'submitted' | 'published' | 'retired';

export interface AnnouncementChange {
  id: number;
  procedureCode: string;
  kind: ChangeKind;
  replacesCode: string | null;
  effectiveFrom: string | null;
  versionNumber: number | null;
  doneAt: string | null;
  state: ChangeState;
  /** Working minutes to the deadline while pending; negative once past; null when done. */
  timeLeftMinutes: number | null;
}

export interface Announcement {
  id: number;
  number: string;
  title: string;
  signedOn: string;
  announcedOn: string;
  deadlineAt: string;
  changes: AnnouncementChange[];
}

export interface Version {
  number: number;
  status: VersionStatus;
  inForce: boolean;
  validFrom: string | null;
  submittedAt: string | null;
  publishedAt: string | null;
  rejectedReason: string | null;
  changeId: number | null;
  findings: Finding[];
}

/** GET /api/versions?status=submitted */
export interface SubmittedVersion extends Version {
  procedureCode: string;
  procedureName: string;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  status: 'active' | 'abolished';
}

/** GET /api/procedures/:code */
export interface Procedure extends ProcedureSummary {
  version: { number: number; validFrom: string | null; publishedAt: string | null } | null;
}

/** Announcement changes a published diagram can carry out (an abolition needs none). */
export const NEEDS_DIAGRAM: ChangeKind[] = ['new', 'amend', 'replace'];
