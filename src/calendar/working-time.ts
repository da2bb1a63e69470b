/**
 * Working-time arithmetic for statutory deadlines: pure functions over a set of rules, no clock, no I/O.
 * Days are local civil days in the city's time zone (Việt Nam: UTC+7, no daylight saving).
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const MAX_DAYS_SCANNED = 20 * 366;

/** A span of working time within a day, in minutes after local midnight. */
export interface WorkingPeriod {
  start: number;
  end: number;
}

export interface CalendarRules {
  utcOffsetMinutes: number;
  workingPeriods: readonly WorkingPeriod[];
  /** Days of the week off (0 = Sunday … 6 = Saturday). */
  weekendDays: readonly number[];
  /** Local dates (YYYY-MM-DD) that are not worked although they fall on a working weekday. */
  daysOff: ReadonlySet<string>;
  /** Local dates that are worked although they fall on a weekend (make-up working days). */
  extraWorkingDays: ReadonlySet<string>;
}

/** Hà Nội's civil-service defaults: 08:00–12:00 and 13:00–17:00, Monday to Friday, UTC+7. */
export const DEFAULT_RULES: CalendarRules = {
  utcOffsetMinutes: 7 * 60,
  workingPeriods: [
    { start: 8 * 60, end: 12 * 60 },
    { start: 13 * 60, end: 17 * 60 },
  ],
  weekendDays: [0, 6],
  daysOff: new Set(),
  extraWorkingDays: new Set(),
};

export class WorkingCalendar {
  readonly minutesPerDay: number;
  private readonly offset: number;

  constructor(readonly rules: CalendarRules) {
    this.offset = rules.utcOffsetMinutes * MINUTE;
    this.minutesPerDay = rules.workingPeriods.reduce((sum, p) => sum + (p.end - p.start), 0);
    if (this.minutesPerDay <= 0) throw new Error('a working day needs at least one working period');
  }

  /** Whether a local date (YYYY-MM-DD) is a working day. */
  isWorkingDay(date: string): boolean {
    return this.isWorkingDayIndex(dayIndexOf(date));
  }

  /** The instant reached after `minutes` of working time counted from `start` (exact to the millisecond). */
  add(start: Date, minutes: number): Date {
    if (!(minutes > 0)) return new Date(start.getTime());
    const local = start.getTime() + this.offset;
    let day = Math.floor(local / DAY);
    let timeOfDay = local - day * DAY;
    let remaining = Math.round(minutes * MINUTE);
    for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, day++, timeOfDay = 0) {
      if (!this.isWorkingDayIndex(day)) continue;
      for (const period of this.rules.workingPeriods) {
        const from = Math.max(period.start * MINUTE, timeOfDay);
        const available = period.end * MINUTE - from;
        if (available <= 0) continue;
        if (remaining <= available) return new Date(day * DAY + from + remaining - this.offset);
        remaining -= available;
      }
    }
    throw new RangeError(`no working time found within ${MAX_DAYS_SCANNED} days`);
  }

  /** Working minutes between two instants; negative when `to` is before `from`. */
  between(from: Date, to: Date): number {
    if (to.getTime() < from.getTime()) return -this.between(to, from);
    const start = from.getTime() + this.offset;
    const end = to.getTime() + this.offset;
    let total = 0;
    for (let day = Math.floor(start / DAY); day * DAY < end; day++) {
      if (!this.isWorkingDayIndex(day)) continue;
      for (const period of this.rules.workingPeriods) {
        const periodStart = Math.max(day * DAY + period.start * MINUTE, start);
        const periodEnd = Math.min(day * DAY + period.end * MINUTE, end);
        if (periodEnd > periodStart) total += periodEnd - periodStart;
      }
    }
    return total / MINUTE;
  }

  /** Adds working days expressed as hours of a standard working day (8 h in Hà Nội). */
  addHours(start: Date, hours: number): Date {
    return this.add(start, hours * 60);
  }

  private isWorkingDayIndex(day: number): boolean {
    const date = dateOfDayIndex(day);
    if (this.rules.extraWorkingDays.has(date)) return true;
    if (this.rules.weekendDays.includes(weekdayOfDayIndex(day))) return false;
    return !this.rules.daysOff.has(date);
  }
}

/** The local civil date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date, utcOffsetMinutes = DEFAULT_RULES.utcOffsetMinutes): string {
  return new Date(instant.getTime() + utcOffsetMinutes * MINUTE).toISOString().slice(0, 10);
}

function dayIndexOf(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${date}`);
  return ms / DAY;
}

function dateOfDayIndex(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function weekdayOfDayIndex(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}
