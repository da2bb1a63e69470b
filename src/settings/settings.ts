import type { Knex } from 'knex';
import { bumpRevision } from '../db/revisions.js';
import { parseTimeOfDay } from '../calendar/clock.js';
import type { WorkingPeriod } from '../calendar/working-time.js';
import { BadRequest } from '../errors.js';

/**
 * Rules an administrator may change without a release: working hours and the leads of the alerts.
 * Rules the law does not fix (DOMAIN.md "unconfirmed") live here with their defaults.
 */
export interface Rules {
  /** Working periods of a working day, `HH:MM`–`HH:MM`, local time. */
  workingHours: { start: string; end: string }[];
  /** The late-risk alert is raised this many working hours before a dossier's due time. */
  lateRiskLeadHours: number;
  /**
   * The apology and request for extension (Mẫu 04) is issued at least this many working hours before the due time:
   * "chậm nhất 01 ngày trước ngày hết hạn" (Decree 61/2018 art. 19(9); Decree 118/2025 unconfirmed).
   */
  apologyLeadHours: number;
  /** How many times a dossier's appointment may be extended: "không quá một lần" (Decree 61/2018 art. 19(9)). */
  extensionLimit: number;
  /** The furthest an extension may move the appointment past the legal due time, in working days; null: no cap. */
  extensionMaxWorkingDays: number | null;
  /** A reminder goes to the holder of a task this many working hours before the task is due. */
  taskReminderLeadHours: number;
  /** Whoever submitted a version of a diagram may not publish it too: two people see every diagram that goes live. */
  publisherNotSubmitter: boolean;
  /** Citizens may sign in with a local password; off, only through the national identity (VNeID). */
  citizenPasswords: boolean;
}

export const DEFAULT_RULES: Rules = {
  workingHours: [
    { start: '08:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
  lateRiskLeadHours: 8,
  apologyLeadHours: 8,
  extensionLimit: 1,
  extensionMaxWorkingDays: null,
  taskReminderLeadHours: 2,
  publisherNotSubmitter: true,
  citizenPasswords: true,
};

const KEY = 'rules';

/** The administrator's rules, kept in the `settings` table. */
export class Settings {
  private cached: Rules = DEFAULT_RULES;

  constructor(private readonly knex: Knex) {}

  async load(): Promise<Rules> {
    const row = await this.knex('settings').where({ key: KEY }).first('value');
    this.cached = row ? { ...DEFAULT_RULES, ...(JSON.parse(row.value) as Partial<Rules>) } : DEFAULT_RULES;
    return this.cached;
  }

  /** The rules as last loaded (each node reloads them after its own updates and when another node changes them). */
  get rules(): Rules {
    return this.cached;
  }

  async update(changes: Partial<Rules>): Promise<Rules> {
    const next = { ...(await this.load()), ...changes };
    workingPeriods(next); // refuses a bad schedule before it is stored
    await this.knex.transaction(async (trx) => {
      await trx('settings')
        .insert({ key: KEY, value: JSON.stringify(next) })
        .onConflict('key')
        .merge();
      await bumpRevision(trx, 'rules');
    });
    return this.load();
  }
}

/** The working periods of the rules, checked: each well-formed, in order, not overlapping. */
export function workingPeriods(rules: Rules): WorkingPeriod[] {
  const periods = rules.workingHours.map(({ start, end }) => ({
    start: parseTimeOfDay(start),
    end: parseTimeOfDay(end),
  }));
  const valid = periods.every(
    (p, i) => p.start !== null && p.end !== null && p.start < p.end && (i === 0 || periods[i - 1]!.end! <= p.start),
  );
  if (!periods.length || !valid) {
    throw new BadRequest(
      'invalid-working-hours',
      'Giờ làm việc phải là các khoảng HH:MM–HH:MM theo thứ tự, không chồng lên nhau.',
    );
  }
  return periods as WorkingPeriod[];
}
