import type { Unit } from '../app/api-types';

/** The unit whose desk receives: its kind tells a branch of the service centre from a ward or a department. */
export type Desk = Pick<Unit, 'code' | 'name' | 'kind' | 'level'>;

/**
 * What the desk receives today, as the server's rule answers it (`GET /api/units/:code/receivable`): the procedure
 * codes, and those whose receipt names the competent unit.
 */
export interface Receivable {
  procedureCode: string;
  namesCompetentUnit: boolean;
}

/** A branch of the Public Administrative Service Centre: it receives only for a competent unit, named at receipt. */
export function isBranch(desk: Desk): boolean {
  return desk.kind === 'chi_nhanh';
}
