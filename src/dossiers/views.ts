import type { Procedure } from '../catalogue/catalogue.js';
import type { UnitDirectory } from '../units/directory.js';
import type { Channel } from '../vocabulary/channels.js';
import type { DossierRow, TaskRow } from './repository.js';
import { STATUSES, type StatusCode } from '../vocabulary/statuses.js';

export interface TaskView {
  id: number;
  dossierCode: string;
  activityId: string;
  name: string;
  role: string;
  unitCode: string;
  status: TaskRow['status'];
  outcomes: string[];
  createdAt: string;
  dueAt: string | null;
  claimedBy: number | null;
  completedAt: string | null;
  outcome: string | null;
}

export interface DossierView {
  code: string;
  procedureCode: string;
  procedureName: string;
  unitCode: string;
  unitName: string;
  channel: Channel;
  status: string;
  statusCode: number;
  statusLabel: string;
  applicant: { fullName: string; idNumber: string; phone: string | null; email: string | null };
  data: Record<string, unknown>;
  receivedAt: string;
  dueAt: string | null;
  finishedAt: string | null;
  version: number;
  tasks: TaskView[];
}

export function taskView(row: TaskRow, dossierCode: string): TaskView {
  return {
    id: row.id,
    dossierCode,
    activityId: row.activity_id,
    name: row.name,
    role: row.role,
    unitCode: row.unit_code,
    status: row.status,
    outcomes: JSON.parse(row.outcomes),
    createdAt: row.created_at,
    dueAt: row.due_at,
    claimedBy: row.claimed_by,
    completedAt: row.completed_at,
    outcome: row.outcome,
  };
}

export function dossierView(row: DossierRow, procedure: Procedure, units: UnitDirectory, tasks: TaskRow[]): DossierView {
  const status = STATUSES[row.status_code as StatusCode];
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: procedure.name,
    unitCode: row.unit_code,
    unitName: units.get(row.unit_code)?.name ?? row.unit_code,
    channel: row.channel as Channel,
    status: status.key,
    statusCode: row.status_code,
    statusLabel: status.label,
    applicant: {
      fullName: row.applicant_name,
      idNumber: row.applicant_id_number,
      phone: row.applicant_phone,
      email: row.applicant_email,
    },
    data: JSON.parse(row.data),
    receivedAt: row.received_at,
    dueAt: row.due_at,
    finishedAt: row.finished_at,
    version: row.version,
    tasks: tasks.map((t) => taskView(t, row.code)),
  };
}
