import { may, seesAllDossiers, type Actor } from '../auth/policy.js';
import type { Procedure } from '../catalogue/catalogue.js';
import type { IncidentScope } from './incidents.js';

/**
 * Who sees which incidents: VPUBND, auditors and administrators every one; a department's modelers those of the
 * procedures they model; a unit's staff those of its dossiers.
 */
export function incidentScope(actor: Actor, procedures: readonly Procedure[]): IncidentScope {
  if (seesAllDossiers(actor)) return { all: true, procedureCodes: [], unitCode: null };
  const modelled = actor.roles.includes('modeler')
    ? procedures
        .filter((p) =>
          may(actor, 'procedures:versions', {
            departmentCode: p.departmentCode,
            ownerCode: p.ownerCode,
            levels: p.levels,
          }),
        )
        .map((p) => p.code)
    : [];
  const staff = actor.roles.includes('officer') || actor.roles.includes('leader');
  return { all: false, procedureCodes: modelled, unitCode: staff ? actor.unitCode : null };
}
