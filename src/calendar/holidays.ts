import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { fromRoot } from '../project.js';
import { DEFAULT_RULES, type CalendarRules } from './working-time.js';

export interface Holiday {
  date: string;
  name: string;
  kind: string;
  /** True for a make-up working day (a Saturday worked in exchange for a day off). */
  workingDay: boolean;
  status: 'confirmed' | 'confirmed_derived' | 'computed';
  source: string | null;
}

/** Hà Nội's days off 2018–2027 as shipped with the product (see src/calendar/data/README.md). */
export function shippedHolidays(): Holiday[] {
  const rows: Record<string, string>[] = parse(readFileSync(fromRoot('src/calendar/data/holidays.csv')), {
    columns: true,
    skip_empty_lines: true,
  });
  return rows.map((row) => ({
    date: row.date!,
    name: row.name!,
    kind: row.kind!,
    workingDay: row.working_day === '1',
    status: row.status as Holiday['status'],
    source: row.source || null,
  }));
}

/** Calendar rules with the given holidays on top of the default working week. */
export function rulesWithHolidays(holidays: readonly Holiday[], base: CalendarRules = DEFAULT_RULES): CalendarRules {
  return {
    ...base,
    daysOff: new Set(holidays.filter((h) => !h.workingDay).map((h) => h.date)),
    extraWorkingDays: new Set(holidays.filter((h) => h.workingDay).map((h) => h.date)),
  };
}
