import type { Knex } from 'knex';
import { bumpRevision } from '../db/revisions.js';
import type { Holiday } from './holidays.js';

/** The `holidays` table: the days off an administrator entered, year by year. */
export class HolidayRepository {
  constructor(private readonly knex: Knex) {}

  async all(): Promise<Holiday[]> {
    const rows = await this.knex('holidays').select('*').orderBy('date');
    return rows.map((r: Record<string, unknown>) => ({
      date: String(r.date),
      name: String(r.name),
      kind: String(r.kind),
      workingDay: Boolean(r.working_day),
      status: r.status as Holiday['status'],
      source: (r.source as string | null) ?? null,
    }));
  }

  /** Replaces one year's list in one transaction. */
  async replaceYear(year: number, holidays: readonly Holiday[]): Promise<void> {
    await this.knex.transaction(async (trx) => {
      await trx('holidays').where('date', '>=', `${year}-01-01`).andWhere('date', '<=', `${year}-12-31`).delete();
      if (holidays.length) {
        await trx('holidays').insert(
          holidays.map((h) => ({
            date: h.date,
            name: h.name,
            kind: h.kind,
            working_day: h.workingDay,
            status: h.status,
            source: h.source,
          })),
        );
      }
      await bumpRevision(trx, 'holidays');
    });
  }
}
