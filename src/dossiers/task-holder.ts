import { parseWorkingDuration, type WorkingCalendar } from '../calendar/index.js';
import type { TaskSpec } from '../engine/definitions.js';
import { Unprocessable } from '../errors.js';
import type { Unit, UnitDirectory } from '../units/directory.js';

/** Who holds a new task and until when. */
export interface Assignment {
  role: string;
  unitCode: string;
  budgetHours: number | null;
  dueAt: string | null;
}

const DEFAULT_ROLE = 'officer';

/** Where a dossier's desk is, the department of its procedure, and whether a reorganisation handed it over. */
export interface DossierPlace {
  unitCode: string;
  departmentCode: string | null;
  handedOver?: boolean;
  /** The desk that returns the result when it is not the handling unit (a dossier received for another unit). */
  resultUnitCode?: string | undefined;
  /** The task marks the dossier processed (`mc:status` 9): it is the return of the result. */
  returnsResult?: boolean;
}

/**
 * Resolves a task's unit: `mc:unit` names one; `mc:unitLevel` picks the receiving unit's ancestor at that level
 * (the procedure's department when that ancestor is the city itself); with neither, the desk's unit. A dossier handed
 * over by a reorganisation that abolished the level keeps such tasks at its new desk, which inherited the competence.
 * The return of the result (a task entered with status 9) goes to the desk the applicant chose to collect it at, when a
 * dossier received for another unit returns it where it was received.
 * The task is due after its budget of working time on the calendar of the unit that holds it.
 */
export function assignTask(
  spec: TaskSpec,
  dossier: DossierPlace,
  units: UnitDirectory,
  calendarOf: (unitCode: string) => WorkingCalendar,
  now: Date,
): Assignment {
  const unit = resolveUnit(spec, dossier, units);
  const calendar = calendarOf(unit.code);
  const budgetHours = spec.budget ? parseWorkingDuration(spec.budget, calendar.minutesPerDay / 60) : null;
  return {
    role: spec.role ?? DEFAULT_ROLE,
    unitCode: unit.code,
    budgetHours,
    dueAt: budgetHours === null ? null : calendar.addHours(now, budgetHours).toISOString(),
  };
}

function resolveUnit(spec: TaskSpec, dossier: DossierPlace, units: UnitDirectory): Unit {
  let unit: Unit | undefined;
  if (dossier.returnsResult && dossier.resultUnitCode && !spec.unit) unit = units.get(dossier.resultUnitCode);
  else if (spec.unit) unit = units.get(spec.unit);
  else if (spec.unitLevel) {
    unit = units.ancestorAt(dossier.unitCode, spec.unitLevel);
    if (unit?.kind === 'thanh_pho' && dossier.departmentCode) unit = units.get(dossier.departmentCode);
    if (!unit && dossier.handedOver) unit = units.get(dossier.unitCode);
  } else unit = units.get(dossier.unitCode);
  if (!unit) {
    throw new Unprocessable(
      'task-unit-unresolved',
      `Không xác định được đơn vị thực hiện bước "${spec.name}" (đơn vị ${spec.unit ?? `cấp ${spec.unitLevel}`}) cho hồ sơ tiếp nhận tại ${dossier.unitCode}.`,
    );
  }
  return unit;
}
