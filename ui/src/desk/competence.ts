import type { Dossier, Procedure } from '../casework/types';
import { isBranch, type Desk } from './receivable';

export type ResultReturn = Dossier['resultReturn'];
export const RESULT_RETURNS: ResultReturn[] = ['desk', 'competent', 'post'];

/** The competent unit the officer picked (null: not yet, the default holds) and where the result is returned. */
export interface Competence {
  unitCode: string | null;
  resultReturn: ResultReturn;
}

export const DEFAULT_COMPETENCE: Competence = { unitCode: null, resultReturn: 'desk' };

type Competent = Pick<Procedure, 'levels'>;

/** The level of the unit that handles it: a commune-level procedure's ward or commune, else the procedure's level. */
export function competentLevel(procedure: Competent): string {
  return procedure.levels.includes('xa') ? 'xa' : (procedure.levels[0] ?? 'tinh');
}

/** The competent unit picked, or until then the ward's own for a commune-level procedure (none at a branch). */
export function competentUnit(competence: Competence, desk: Desk, procedure: Competent): string {
  if (competence.unitCode !== null) return competence.unitCode;
  return !isBranch(desk) && competentLevel(procedure) === desk.level ? desk.code : '';
}

/** The fields of POST /api/dossiers: the competent unit left out when it is the desk itself. */
export function competenceBody(competence: Competence, desk: Desk, procedure: Competent) {
  const unitCode = competentUnit(competence, desk, procedure);
  return {
    ...(unitCode && unitCode !== desk.code ? { competentUnitCode: unitCode } : {}),
    resultReturn: competence.resultReturn,
  };
}
