/**
 * Working time as the server counts it, approximately, to colour due times and show time left: the administrator's
 * working hours (GET /api/settings) on Monday–Friday in Hà Nội time, without the year's days off and with its make-up
 * working days (GET /api/calendar/holidays/:year). Units that work on Saturday mornings are not taken into account.
 */
import { api } from '../app/api';

export interface WorkingCalendar {
  /** Working periods of a day in minutes after local midnight. */
  periods: { start: number; end: number }[];
  /** `YYYY-MM-DD` → true for a make-up working day, false for a day off. */
  exceptions: Map<string, boolean>;
}

interface Rules {
  workingHours: { start: string; end: string }[];
}
interface HolidayYear {
  holidays: { date: string; workingDay: boolean }[];
}

const ZONE_OFFSET_MS = 7 * 3_600_000; // Hà Nội: UTC+7, no daylight saving time
const DAY_MS = 86_400_000;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export const DEFAULT_CALENDAR: WorkingCalendar = {
  periods: [
    { start: 8 * 60, end: 12 * 60 },
    { start: 13 * 60, end: 17 * 60 },
  ],
  exceptions: new Map(),
};

let loading: Promise<WorkingCalendar> | null = null;

/** The working calendar of this year and the next, loaded once; the default hours if the server cannot say. */
export function loadWorkingCalendar(now = Date.now()): Promise<WorkingCalendar> {
  loading ??= (async () => {
    const year = new Date(now + ZONE_OFFSET_MS).getUTCFullYear();
    const [rules, ...years] = await Promise.all([
      api<Rules>('/settings'),
      api<HolidayYear>(`/calendar/holidays/${year}`),
      api<HolidayYear>(`/calendar/holidays/${year + 1}`),
    ]);
    const periods = rules.workingHours.map((p) => ({ start: minutesOf(p.start), end: minutesOf(p.end) }));
    const exceptions = new Map(years.flatMap((y) => y.holidays.map((h) => [h.date, h.workingDay] as const)));
    return { periods, exceptions };
  })().catch(() => DEFAULT_CALENDAR);
  return loading;
}

function isWorkingDay(calendar: WorkingCalendar, localMidnight: number): boolean {
  const date = new Date(localMidnight);
  const exception = calendar.exceptions.get(date.toISOString().slice(0, 10));
  if (exception !== undefined) return exception;
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working minutes from `from` to `to` (negative when `to` is earlier). */
export function workingMinutesBetween(calendar: WorkingCalendar, from: number, to: number): number {
  if (to < from) return -workingMinutesBetween(calendar, to, from);
  const start = from + ZONE_OFFSET_MS;
  const end = to + ZONE_OFFSET_MS;
  let total = 0;
  // At most two years of days: enough for any legal time limit.
  for (let day = Math.floor(start / DAY_MS) * DAY_MS, n = 0; day < end && n < 730; day += DAY_MS, n++) {
    if (!isWorkingDay(calendar, day)) continue;
    for (const period of calendar.periods) {
      const overlap = Math.min(end, day + period.end * 60_000) - Math.max(start, day + period.start * 60_000);
      if (overlap > 0) total += overlap;
    }
  }
  return total / 60_000;
}
