import type { Knex } from 'knex';
import { BadRequest } from '../errors.js';
import { HolidayRepository } from './holiday-repository.js';
import { rulesWithHolidays, type Holiday } from './holidays.js';
import { labourCodeHolidays } from './labour-code.js';
import { DEFAULT_RULES, WorkingCalendar, type WorkingPeriod } from './working-time.js';

export { addDays, WorkingCalendar, localDate, startOfLocalDay } from './working-time.js';
export { parseWorkingDuration } from './duration.js';
export { vietnameseDate, vietnameseDateTime } from './format.js';
export {
  afterPause,
  clockStart,
  legalDue,
  parseTimeOfDay,
  timeliness,
  type TimeLimit,
  type Timeliness,
} from './clock.js';

/** A year's days off as the calendar uses them: the list entered by an administrator, or the computed one. */
export interface HolidayYear {
  year: number;
  entered: boolean;
  holidays: Holiday[];
}

export interface HolidayInput {
  date: string;
  name: string;
  kind?: string | undefined;
  workingDay?: boolean | undefined;
  source?: string | null | undefined;
}

// Years whose holidays are computed when not entered, around the years the system is used in.
const COMPUTED_BEFORE = 5;
const COMPUTED_AFTER = 20;

/**
 * The working calendars in force: the standard one and the one of units that also work on Saturday mornings,
 * both built from the working hours and the holidays stored in the database (years not entered are computed).
 */
export class Calendars {
  private readonly repo: HolidayRepository;
  private standardCalendar = new WorkingCalendar(DEFAULT_RULES);
  private saturdayCalendar = this.standardCalendar.withSaturdayMornings();
  private entered = new Map<number, Holiday[]>();

  constructor(
    knex: Knex,
    private readonly workingPeriods: () => WorkingPeriod[],
    private readonly clock: () => Date,
  ) {
    this.repo = new HolidayRepository(knex);
  }

  /** Rebuilds the calendars from the database; call after changing holidays or working hours. */
  async reload(): Promise<void> {
    this.entered = new Map();
    for (const holiday of await this.repo.all()) {
      const year = Number(holiday.date.slice(0, 4));
      this.entered.set(year, [...(this.entered.get(year) ?? []), holiday]);
    }
    const thisYear = this.clock().getUTCFullYear();
    const first = Math.min(thisYear, ...this.entered.keys()) - COMPUTED_BEFORE;
    const holidays: Holiday[] = [];
    for (let year = first; year <= thisYear + COMPUTED_AFTER; year++) holidays.push(...this.year(year).holidays);
    this.standardCalendar = new WorkingCalendar(
      rulesWithHolidays(holidays, { ...DEFAULT_RULES, workingPeriods: this.workingPeriods() }),
    );
    this.saturdayCalendar = this.standardCalendar.withSaturdayMornings();
  }

  /** The calendar of a unit: Saturday mornings count at units that work them. */
  forUnit(unit: { saturdayMorning: boolean } | undefined): WorkingCalendar {
    return unit?.saturdayMorning ? this.saturdayCalendar : this.standardCalendar;
  }

  get standard(): WorkingCalendar {
    return this.standardCalendar;
  }

  /** A year's days off: as entered, or computed by the Labour Code rules. */
  year(year: number): HolidayYear {
    const entered = this.entered.get(year);
    return entered
      ? { year, entered: true, holidays: entered }
      : { year, entered: false, holidays: labourCodeHolidays(year) };
  }

  /** Replaces a year's list with the one announced (or, with an empty list, goes back to the computed one). */
  async enterYear(year: number, input: readonly HolidayInput[]): Promise<HolidayYear> {
    const dates = new Set<string>();
    const holidays = input.map((h) => {
      if (!h.date.startsWith(`${year}-`) || Number.isNaN(Date.parse(`${h.date}T00:00:00Z`))) {
        throw new BadRequest('holiday-outside-year', `Ngày ${h.date} không thuộc năm ${year}.`);
      }
      if (dates.has(h.date)) throw new BadRequest('holiday-duplicate', `Ngày ${h.date} được nhập hai lần.`);
      dates.add(h.date);
      return {
        date: h.date,
        name: h.name,
        kind: h.kind ?? (h.workingDay ? 'makeup_workday' : 'holiday'),
        workingDay: h.workingDay ?? false,
        status: 'confirmed' as const,
        source: h.source ?? null,
      };
    });
    await this.repo.replaceYear(year, holidays);
    await this.reload();
    return this.year(year);
  }
}
