import type { Knex } from 'knex';
import { rulesWithHolidays, type Holiday } from './holidays.js';
import { WorkingCalendar } from './working-time.js';

export { WorkingCalendar, localDate } from './working-time.js';
export { parseWorkingDuration } from './duration.js';
export { vietnameseDateTime } from './format.js';

/** The working calendar with the holidays stored in the database. */
export async function loadCalendar(knex: Knex): Promise<WorkingCalendar> {
  const rows = await knex('holidays').select('date', 'working_day');
  const holidays = rows.map((r: { date: string; working_day: unknown }) => ({ date: r.date, workingDay: Boolean(r.working_day) }));
  return new WorkingCalendar(rulesWithHolidays(holidays as Holiday[]));
}
