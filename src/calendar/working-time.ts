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
  /** The periods of a working day. */
  workingPeriods: readonly WorkingPeriod[];
  /** Days of the week off (0 = Sunday … 6 = Saturday). */
  weekendDays: readonly number[];
  /** Weekend days partly worked, e.g. Saturday mornings at units that receive then. */
  partialDays: ReadonlyMap<number, readonly WorkingPeriod[]>;
  /** Local dates (YYYY-MM-DD) that are not worked: public holidays and days off in exchange. */
  daysOff: ReadonlySet<string>;
  /** Local dates that are worked although they fall on a weekend (make-up working days). */
  extraWorkingDays: ReadonlySet<string>;
}

export const SATURDAY = 6;

/** Hà Nội's civil-service defaults: 08:00–12:00 and 13:00–17:00, Monday to Friday, UTC+7. */
export const DEFAULT_RULES: CalendarRules = {
  utcOffsetMinutes: 7 * 60,
  workingPeriods: [
    { start: 8 * 60, end: 12 * 60 },
    { start: 13 * 60, end: 17 * 60 },
  ],
  weekendDays: [0, 6],
  partialDays: new Map(),
  daysOff: new Set(),
  extraWorkingDays: new Set(),
};

export class WorkingCalendar {
  /** Length of a full working day: a budget of one working day is this many minutes. */
  readonly minutesPerDay: number;
  private readonly offset: number;

  constructor(readonly rules: CalendarRules) {
    this.offset = rules.utcOffsetMinutes * MINUTE;
    this.minutesPerDay = rules.workingPeriods.reduce((sum, p) => sum + (p.end - p.start), 0);
    if (this.minutesPerDay <= 0) throw new Error('a working day needs at least one working period');
  }

  /** The same calendar with Saturday mornings (the first working period) worked, for units that receive then. */
  withSaturdayMornings(): WorkingCalendar {
    return new WorkingCalendar({
      ...this.rules,
      partialDays: new Map([[SATURDAY, this.rules.workingPeriods.slice(0, 1)]]),
    });
  }

  /** Whether any time of a local date (YYYY-MM-DD) is worked. */
  isWorkingDay(date: string): boolean {
    return this.periodsOf(dayIndexOf(date)).length > 0;
  }

  /** The instant reached after `minutes` of working time counted from `start` (exact to the millisecond). */
  add(start: Date, minutes: number): Date {
    if (!(minutes > 0)) return new Date(start.getTime());
    let remaining = Math.round(minutes * MINUTE);
    for (const span of this.spansFrom(start)) {
      if (remaining <= span.end - span.start) return this.toInstant(span.start + remaining);
      remaining -= span.end - span.start;
    }
    throw new RangeError(`no working time found within ${MAX_DAYS_SCANNED} days`);
  }

  /** Working minutes between two instants; negative when `to` is before `from`. */
  between(from: Date, to: Date): number {
    if (to.getTime() < from.getTime()) return -this.between(to, from);
    const end = to.getTime() + this.offset;
    let total = 0;
    for (const span of this.spansFrom(from)) {
      if (span.start >= end) break;
      total += Math.min(span.end, end) - span.start;
    }
    return total / MINUTE;
  }

  /** Adds working days expressed as hours of a standard working day (8 h in Hà Nội). */
  addHours(start: Date, hours: number): Date {
    return this.add(start, hours * 60);
  }

  /** The first instant at or after `t` that is working time. */
  nextWorkingInstant(t: Date): Date {
    const [span] = this.spansFrom(t);
    return this.toInstant(span!.start);
  }

  /** The end of the working day on which `t` falls, or of the next working day when `t` is outside working time. */
  endOfWorkingDay(t: Date): Date {
    const start = this.nextWorkingInstant(t).getTime() + this.offset;
    const day = Math.floor(start / DAY);
    return this.toInstant(day * DAY + this.periodsOf(day).at(-1)!.end * MINUTE);
  }

  /** The start of the first working day after the one on which `t` falls. */
  startOfNextWorkingDay(t: Date): Date {
    const day = Math.floor((t.getTime() + this.offset) / DAY) + 1;
    return this.nextWorkingInstant(this.toInstant(day * DAY));
  }

  /** Local minutes after midnight of an instant. */
  minuteOfDay(t: Date): number {
    const local = t.getTime() + this.offset;
    return (local - Math.floor(local / DAY) * DAY) / MINUTE;
  }

  /** Working spans (local epoch milliseconds) from `start` onwards, day after day. */
  private *spansFrom(start: Date): Generator<{ start: number; end: number }> {
    const local = start.getTime() + this.offset;
    const firstDay = Math.floor(local / DAY);
    for (let day = firstDay; day < firstDay + MAX_DAYS_SCANNED; day++) {
      for (const period of this.periodsOf(day)) {
        const spanStart = Math.max(day * DAY + period.start * MINUTE, local);
        const spanEnd = day * DAY + period.end * MINUTE;
        if (spanEnd > spanStart) yield { start: spanStart, end: spanEnd };
      }
    }
  }

  private periodsOf(day: number): readonly WorkingPeriod[] {
    const date = dateOfDayIndex(day);
    if (this.rules.extraWorkingDays.has(date)) return this.rules.workingPeriods;
    if (this.rules.daysOff.has(date)) return [];
    const weekday = weekdayOfDayIndex(day);
    if (this.rules.weekendDays.includes(weekday)) return this.rules.partialDays.get(weekday) ?? [];
    return this.rules.workingPeriods;
  }

  private toInstant(localMs: number): Date {
    return new Date(localMs - this.offset);
  }
}

/** The local civil date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date, utcOffsetMinutes = DEFAULT_RULES.utcOffsetMinutes): string {
  return new Date(instant.getTime() + utcOffsetMinutes * MINUTE).toISOString().slice(0, 10);
}

/** The civil date (YYYY-MM-DD) `days` after another (before it when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The instant (ISO) a local civil date (YYYY-MM-DD) starts. */
export function startOfLocalDay(date: string, utcOffsetMinutes = DEFAULT_RULES.utcOffsetMinutes): string {
  return new Date(dayIndexOf(date) * DAY - utcOffsetMinutes * MINUTE).toISOString();
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
