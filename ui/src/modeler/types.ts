/** What the modeler reads from the API: the server's schemas' types (`app/api-types.ts`). */
import type * as Api from '../app/api-types';

export type { ModellingProcedure, Version } from '../app/api-types';

/** What the editor needs of a procedure (GET /api/procedures/:code). */
export type ProcedureInfo = Pick<Api.Procedure, 'code' | 'name' | 'timeLimitHours' | 'sameDay' | 'timeLimitText'>;

/** The working hours a diagram's longest path may take, as the server counts them (a same-day procedure: one day). */
export function limitHoursOf(procedure: ProcedureInfo, hoursPerDay = 8): number | null {
  return procedure.sameDay ? hoursPerDay : procedure.timeLimitHours;
}
