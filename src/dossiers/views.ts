import { localDate } from '../calendar/index.js';
import type { Procedure } from '../catalogue/catalogue.js';
import type { UnitDirectory } from '../units/directory.js';
import type { Channel } from '../vocabulary/channels.js';
import { deskOf, type DossierRow, type TaskRow } from './repository.js';
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
  /** Who claimed it, by name, for colleagues to see who handles it. */
  claimedByName: string | null;
  completedAt: string | null;
  outcome: string | null;
}

export interface DossierView {
  code: string;
  procedureCode: string;
  procedureName: string;
  /** The version of the procedure's diagram the dossier runs on (the one in force at receipt, unless moved since). */
  procedureVersion: number;
  unitCode: string;
  /** The receiving unit's name on the day of receipt. */
  unitName: string;
  /** The unit whose desk handles the dossier now: the receiving unit, or its successor after a reorganisation. */
  deskUnitCode: string;
  deskUnitName: string;
  channel: Channel;
  status: string;
  statusCode: number;
  statusLabel: string;
  applicant: { fullName: string; idNumber: string; phone: string | null; email: string | null };
  data: Record<string, unknown>;
  receivedAt: string;
  /** When the statutory clock started (the receipt, or the next working time, or the next day after the cut-off). */
  clockStartedAt: string | null;
  /** The legal due time, moved by the working time of pauses. */
  dueAt: string | null;
  /** The return date promised to the applicant (moved by an apology). */
  appointmentAt: string | null;
  pausedAt: string | null;
  pausedWorkingMinutes: number;
  missingItems: string[] | null;
  statusReason: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  /** Finished by the legal due time; null while not finished. */
  onTime: boolean | null;
  lateRisk: boolean;
  late: { at: string; activityId: string | null; unitCode: string | null } | null;
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
    claimedByName: row.claimed_by_name ?? null,
    completedAt: row.completed_at,
    outcome: row.outcome,
  };
}

export function dossierView(
  row: DossierRow,
  procedure: Procedure,
  versionNumber: number,
  units: UnitDirectory,
  tasks: TaskRow[],
): DossierView {
  const status = STATUSES[row.status_code as StatusCode];
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: procedure.name,
    procedureVersion: versionNumber,
    unitCode: row.unit_code,
    unitName: units.nameAt(row.unit_code, localDate(new Date(row.received_at))) ?? row.unit_code,
    deskUnitCode: deskOf(row),
    deskUnitName: units.get(deskOf(row))?.name ?? deskOf(row),
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
    clockStartedAt: row.clock_started_at,
    dueAt: row.due_at,
    appointmentAt: row.appointment_at,
    pausedAt: row.paused_at,
    pausedWorkingMinutes: Number(row.paused_minutes),
    missingItems: row.missing_items ? JSON.parse(row.missing_items) : null,
    statusReason: row.status_reason,
    finishedAt: row.finished_at,
    returnedAt: row.returned_at,
    onTime: onTime(row),
    lateRisk: row.late_risk_at !== null,
    late: row.late_at ? { at: row.late_at, activityId: row.late_activity_id, unitCode: row.late_unit_code } : null,
    version: row.version,
    tasks: tasks.map((t) => taskView(t, row.code)),
  };
}

/** Finished by the legal due time; null while not finished. */
export function onTime(row: Pick<DossierRow, 'finished_at' | 'due_at'>): boolean | null {
  return row.finished_at ? row.due_at === null || row.finished_at <= row.due_at : null;
}
