import type { Finding } from '../app/api';

export type VersionStatus = 'draft' | 'submitted' | 'published' | 'retired';

/** A version of a procedure's diagram, as the server lists it (GET /api/procedures/:code/versions). */
export interface Version {
  number: number;
  status: VersionStatus;
  inForce: boolean;
  createdAt: string;
  updatedAt: string | null;
  submittedAt?: string | null;
  rejectedReason?: string | null;
  findings: Finding[];
}

/** A procedure the modeler may work on (GET /api/modelling/procedures). */
export interface ModellingProcedure {
  code: string;
  name: string;
  field: string;
  levels: string[];
  departmentCode: string | null;
  ownerCode: string | null;
  timeLimitHours: number | null;
  sameDay?: boolean;
  timeLimitText: string | null;
  status: 'active' | 'abolished';
  versions: Omit<Version, 'findings'>[];
}

/** What the editor needs of a procedure (GET /api/procedures/:code). */
export interface ProcedureInfo {
  code: string;
  name: string;
  timeLimitHours: number | null;
  sameDay: boolean;
  timeLimitText: string | null;
}

/** The working hours a diagram's longest path may take, as the server counts them (a same-day procedure: one day). */
export function limitHoursOf(procedure: ProcedureInfo, hoursPerDay = 8): number | null {
  return procedure.sameDay ? hoursPerDay : procedure.timeLimitHours;
}
