import type { WorkingCalendar } from './working-time.js';

/** A procedure's legal time limit as the clock applies it. */
export interface TimeLimit {
  /** Working hours (8 per working day); null when the law sets none. */
  hours: number | null;
  /** "Ngay trong ngày": due at the end of the working day on which counting starts. */
  sameDay: boolean;
  /** Received at or after this local time (minutes after midnight), counting starts the next working day. */
  cutoffMinutes: number | null;
}

/** When the statutory clock starts for a dossier received at `receivedAt`. */
export function clockStart(calendar: WorkingCalendar, receivedAt: Date, cutoffMinutes: number | null): Date {
  if (cutoffMinutes !== null && calendar.minuteOfDay(receivedAt) >= cutoffMinutes)
    return calendar.startOfNextWorkingDay(receivedAt);
  return calendar.nextWorkingInstant(receivedAt);
}

/** The legal due time counted from the clock's start; null when the procedure has no limit. */
export function legalDue(calendar: WorkingCalendar, start: Date, limit: TimeLimit): Date | null {
  if (limit.sameDay) return calendar.endOfWorkingDay(start);
  return limit.hours === null ? null : calendar.addHours(start, limit.hours);
}

/** A due time moved by the working time of a pause: a pause never brings a deadline closer. */
export function afterPause(calendar: WorkingCalendar, due: Date, pausedFrom: Date, pausedTo: Date): Date {
  return calendar.add(due, Math.max(0, calendar.between(pausedFrom, pausedTo)));
}

/** `15:00` → 900. */
export function parseTimeOfDay(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 900 → `15:00`. */
export function formatTimeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** How a step or a dossier kept its time: before the due day, on it, or after the due time (Vietnamese reports' "trước hạn, đúng hạn, quá hạn"). */
export type Timeliness = 'early' | 'on-time' | 'late';

export function timeliness(done: Date, due: Date, utcOffsetMinutes = 7 * 60): Timeliness {
  if (done.getTime() > due.getTime()) return 'late';
  const day = (t: Date) => new Date(t.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
  return day(done) < day(due) ? 'early' : 'on-time';
}
