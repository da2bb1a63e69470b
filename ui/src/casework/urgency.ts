import { useEffect, useState } from 'preact/hooks';
import { loadWorkingCalendar, workingMinutesBetween, type WorkingCalendar } from './working-time';

/** One working day: a task due within it is "due soon" (amber). */
export const DUE_SOON_MINUTES = 8 * 60;

export type Urgency = 'overdue' | 'soon' | 'normal' | 'none';

export interface TimeLeft {
  urgency: Urgency;
  /** Working minutes to the due time; negative once past; null without a due time. */
  minutes: number | null;
}

/** How urgent a due time is now: past (red), within one working day (amber), later (normal). */
export function timeLeft(calendar: WorkingCalendar, dueAt: string | null, now = Date.now()): TimeLeft {
  if (!dueAt) return { urgency: 'none', minutes: null };
  const due = Date.parse(dueAt);
  const minutes = workingMinutesBetween(calendar, now, due);
  if (due <= now) return { urgency: 'overdue', minutes };
  return { urgency: minutes <= DUE_SOON_MINUTES ? 'soon' : 'normal', minutes };
}

/** The working calendar once loaded (null before), for pages that colour due times. */
export function useWorkingCalendar(): WorkingCalendar | null {
  const [calendar, setCalendar] = useState<WorkingCalendar | null>(null);
  useEffect(() => {
    let live = true;
    void loadWorkingCalendar().then((c) => live && setCalendar(c));
    return () => {
      live = false;
    };
  }, []);
  return calendar;
}
