import type { Procedure } from './procedure.js';

type Limits = Pick<Procedure, 'timeLimitHours' | 'timeLimitCases'>;

/** The legal limit of a dossier, in working hours: that of its case (the first that its form's answers match), or the procedure's. */
export function limitHoursOf(procedure: Limits, data: Record<string, unknown>): number | null {
  return procedure.timeLimitCases.find((c) => data[c.field] === c.equals)?.hours ?? procedure.timeLimitHours;
}

/** The shortest of a procedure's limits: every path of its diagram must fit the dossiers of every case. */
export function shortestLimitHours(procedure: Limits): number | null {
  const limits = [procedure.timeLimitHours, ...procedure.timeLimitCases.map((c) => c.hours)];
  const set = limits.filter((h): h is number => h !== null);
  return set.length ? Math.min(...set) : null;
}
