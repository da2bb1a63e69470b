/**
 * Time budgets are ISO-8601 durations of working time: `P2D` is two working days, `PT4H` four working hours,
 * `P1DT4H` both. Years, months and weeks are refused: their length in working time is not defined.
 */
const PATTERN = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/;

/** Working hours in a budget, given the length of a working day in hours; null when the text is not a budget. */
export function parseWorkingDuration(text: string, hoursPerDay: number): number | null {
  const match = PATTERN.exec(text.trim().toUpperCase());
  if (!match || text.trim().toUpperCase().endsWith('T') || text.trim().length < 3) return null;
  const [, days, hours, minutes] = match;
  if (days === undefined && hours === undefined && minutes === undefined) return null;
  return Number(days ?? 0) * hoursPerDay + Number(hours ?? 0) + Number(minutes ?? 0) / 60;
}
