import type { Static } from 'typebox';
import { localDate } from '../calendar/index.js';
import type { Procedure } from '../catalogue/catalogue.js';
import type { Dossier } from '../http/routes/dossiers/schemas.js';
import type { Task } from '../http/routes/tasks/schemas.js';
import type { UnitDirectory } from '../units/directory.js';
import type { Channel } from '../vocabulary/channels.js';
import { deskOf, type DossierRow, type TaskRow } from './repository.js';
import { STATUSES, type StatusCode } from '../vocabulary/statuses.js';
import { resultPlaceOf } from './receiving.js';
import { actionsOf } from './actions.js';
import type { Rules } from '../settings/settings.js';

/** A task as the API shows it (the schema is the one declaration of its shape). */
export type TaskView = Static<typeof Task>;

/** A dossier as officers see it, with its status and open tasks. */
export type DossierView = Static<typeof Dossier>;

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

/** The dossier's receiving desk (named as it was then) and the unit handling it now. */
export function unitsOf(row: DossierRow, units: UnitDirectory) {
  return {
    unitCode: row.unit_code,
    unitName: units.nameAt(row.unit_code, localDate(new Date(row.received_at))) ?? row.unit_code,
    deskUnitCode: deskOf(row),
    deskUnitName: units.get(deskOf(row))?.name ?? deskOf(row),
  };
}

export function dossierView(
  row: DossierRow,
  procedure: Procedure,
  versionNumber: number,
  units: UnitDirectory,
  tasks: TaskRow[],
  /** The local day now: a receiving desk no longer in force on it does not return the result. */
  today: string,
  limits: Pick<Rules, 'extensionLimit'>,
): DossierView {
  const status = STATUSES[row.status_code as StatusCode];
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: procedure.name,
    procedureVersion: versionNumber,
    ...unitsOf(row, units),
    ...resultPlaceOf(row, units, today),
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
    extensionCount: row.extension_count,
    receivedDocuments: row.received_documents ? JSON.parse(row.received_documents) : null,
    digitisedAt: row.digitised_at,
    actions: actionsOf({ ...row, openTasks: tasks.length }, limits),
  };
}

/** Finished by the legal due time; null while not finished. */
export function onTime(row: Pick<DossierRow, 'finished_at' | 'due_at'>): boolean | null {
  return row.finished_at ? row.due_at === null || row.finished_at <= row.due_at : null;
}
