import type { Unit } from '../app/api-types';
import type { ProcedureSummary } from '../casework/types';

/** The unit whose desk receives: its kind tells a branch of the service centre from a ward or a department. */
export type Desk = Pick<Unit, 'code' | 'name' | 'kind' | 'level'>;

type Receivable = Pick<ProcedureSummary, 'status' | 'levels' | 'departmentCode' | 'boundaryFreeFrom'>;

/** A branch of the Public Administrative Service Centre: it receives only for a competent unit. */
export function isBranch(desk: Desk): boolean {
  return desk.kind === 'chi_nhanh';
}

/** Whether the procedure may be received regardless of administrative boundary on `day` (YYYY-MM-DD). */
export function boundaryFreeOn(procedure: Pick<ProcedureSummary, 'boundaryFreeFrom'>, day: string): boolean {
  return procedure.boundaryFreeFrom !== null && procedure.boundaryFreeFrom <= day;
}

/** Whether a receipt of this procedure at this desk names the unit competent to handle it and where to return it. */
export function namesCompetentUnit(desk: Desk, procedure: Receivable, day: string): boolean {
  return isBranch(desk) || (desk.level === 'xa' && boundaryFreeOn(procedure, day));
}

/**
 * The procedures a desk receives on `day`: its own (in force, at its level, a department's own ones at city level),
 * and at a branch or a ward or commune those received regardless of boundary.
 */
export function receivableAt<P extends Receivable>(desk: Desk, procedures: P[], day: string): P[] {
  return procedures.filter(
    (p) => p.status === 'active' && (handlesItself(desk, p) || namesCompetentUnit(desk, p, day)),
  );
}

function handlesItself(desk: Desk, p: Receivable): boolean {
  return (
    !isBranch(desk) && p.levels.includes(desk.level) && (p.departmentCode === null || p.departmentCode === desk.code)
  );
}
