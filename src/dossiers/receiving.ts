import type { Procedure } from '../catalogue/catalogue.js';
import { localDate } from '../calendar/index.js';
import { Conflict, Unprocessable } from '../errors.js';
import type { Unit, UnitDirectory } from '../units/directory.js';
import { UnknownUnit } from '../units/errors.js';
import type { ResultReturn } from '../vocabulary/result-returns.js';
import { deskOf, type DossierRow } from './repository.js';

/** A branch of the Public Administrative Service Centre: it receives only for a competent unit. */
export function isBranch(unit: Pick<Unit, 'kind'>): boolean {
  return unit.kind === 'chi_nhanh';
}

/** A desk that may receive for another unit: a branch of the service centre or any ward/commune. */
export function receivesForOthers(desk: Unit): boolean {
  return isBranch(desk) || desk.level === 'xa';
}

/** Whether the procedure is received regardless of administrative boundary on `day` (YYYY-MM-DD). */
export function boundaryFreeOn(procedure: Procedure, day: string): boolean {
  return procedure.boundaryFreeFrom !== null && procedure.boundaryFreeFrom <= day;
}

/**
 * The unit that handles a dossier received at `desk`: the desk itself, or, for a procedure received regardless of
 * administrative boundary, the competent unit the desk names. 422 naming who may receive it otherwise.
 */
export function competentUnitFor(
  units: UnitDirectory,
  procedure: Procedure,
  desk: Unit,
  competentCode: string | undefined,
  at: Date,
): Unit {
  const itself = competentCode === undefined || competentCode === desk.code;
  assertReceivable(units, procedure, desk, at, itself);
  if (itself) return desk;
  const competent = units.get(competentCode);
  if (!competent) throw new UnknownUnit(competentCode);
  assertReceivable(units, procedure, competent, at, true);
  if (!boundaryFreeOn(procedure, localDate(at))) {
    throw new Unprocessable(
      'boundary-not-open',
      `Thủ tục "${procedure.name}" chưa được tiếp nhận không phụ thuộc địa giới hành chính; hồ sơ nộp tại ${whoReceives(units, procedure, at)}.`,
    );
  }
  if (!receivesForOthers(desk)) {
    throw new Unprocessable(
      'desk-not-boundary-free',
      `${desk.name} không tiếp nhận hồ sơ thay đơn vị khác: chỉ các chi nhánh Trung tâm Phục vụ hành chính công và UBND phường, xã tiếp nhận không phụ thuộc địa giới hành chính.`,
    );
  }
  return competent;
}

/**
 * A procedure in force, at a unit in force; with `handles`, a unit that handles it (its level, and its department for a
 * city procedure). The same rule for the desk and for online submission.
 */
export function assertReceivable(
  units: UnitDirectory,
  procedure: Procedure,
  unit: Unit,
  at: Date,
  handles = true,
): void {
  if (procedure.status !== 'active') {
    throw new Conflict('procedure-abolished', `Thủ tục "${procedure.name}" đã bãi bỏ, không tiếp nhận hồ sơ mới.`);
  }
  if (!units.isInForce(unit, localDate(at))) {
    throw new Unprocessable('unit-not-in-force', `Đơn vị "${unit.name}" không còn tiếp nhận hồ sơ.`);
  }
  if (handles && !handlesProcedure(procedure, unit))
    throw new Unprocessable(
      'procedure-not-handled-here',
      `Thủ tục "${procedure.name}" không được giải quyết tại ${unit.name}; hồ sơ nộp tại ${whoReceives(units, procedure, at)}.`,
    );
}

/** The unit is of a level that handles the procedure (and is its department, for a city procedure). */
export function handlesProcedure(procedure: Procedure, unit: Unit): boolean {
  return procedure.levels.includes(unit.level) && (!procedure.departmentCode || procedure.departmentCode === unit.code);
}

/** A procedure a desk receives, and whether its receipt names the competent unit (received regardless of boundary). */
export interface Receivable {
  procedureCode: string;
  namesCompetentUnit: boolean;
}

/**
 * The procedures a desk receives on `day`: those it handles itself (never a branch), and at a branch or a ward/commune
 * those open regardless of administrative boundary, for which the receipt names the competent unit.
 */
export function receivableAt(procedures: readonly Procedure[], desk: Unit, day: string): Receivable[] {
  return procedures
    .filter((p) => p.status === 'active')
    .map((p) => ({ p, forOthers: receivesForOthers(desk) && boundaryFreeOn(p, day) }))
    .filter(({ p, forOthers }) => forOthers || (!isBranch(desk) && handlesProcedure(p, desk)))
    .map(({ p, forOthers }) => ({ procedureCode: p.code, namesCompetentUnit: forOthers }));
}

/** Who may receive the procedure on the day, in words. */
function whoReceives(units: UnitDirectory, procedure: Procedure, at: Date): string {
  const competent = procedure.departmentCode
    ? (units.get(procedure.departmentCode)?.name ?? procedure.departmentCode)
    : procedure.levels.map((l) => `UBND ${units.levels.find((x) => x.code === l)?.name.toLowerCase() ?? l}`).join(', ');
  return boundaryFreeOn(procedure, localDate(at))
    ? `${competent}, hoặc bất kỳ chi nhánh Trung tâm Phục vụ hành chính công hay UBND phường, xã nào (chọn đơn vị có thẩm quyền giải quyết, competentUnitCode)`
    : competent;
}

/** The unit that returns (or posts) the dossier's result: its receiving desk while in force when so chosen, else its handling unit. */
export function resultUnitOf(
  row: Pick<DossierRow, 'unit_code' | 'competent_unit_code' | 'handling_unit_code' | 'result_return'>,
  units: UnitDirectory,
  day: string,
): string {
  const desk = units.get(row.unit_code);
  if ((row.result_return as ResultReturn) === 'desk' && desk && units.isInForce(desk, day)) return row.unit_code;
  return deskOf(row);
}

/** Where the applicant collects the result, and the unit that returns (or posts) it, named. */
export function resultPlaceOf(
  row: Pick<DossierRow, 'unit_code' | 'competent_unit_code' | 'handling_unit_code' | 'result_return'>,
  units: UnitDirectory,
  day: string,
) {
  const code = resultUnitOf(row, units, day);
  return {
    resultReturn: row.result_return as ResultReturn,
    resultUnitCode: code,
    resultUnitName: units.get(code)?.name ?? code,
  };
}
