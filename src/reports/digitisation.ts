import type { Knex } from 'knex';
import { addDays, startOfLocalDay } from '../calendar/index.js';
import type { UnitDirectory } from '../units/directory.js';
import { NEW, REFUSED } from '../vocabulary/statuses.js';

export interface DigitisationFilter {
  from: string;
  to: string;
  unitCode?: string | undefined;
}

/** One unit's dossiers received in the period and how many of them were digitised (every document received). */
export interface DigitisationRow {
  unitCode: string;
  unitName: string;
  received: number;
  digitised: number;
  /** digitised / received; null when nothing was received. */
  rate: number | null;
}

/**
 * The digitisation rate per receiving desk (số hóa hồ sơ, an indicator group of QĐ 766/QĐ-TTg): dossiers received in
 * the period (refused ones and those still waiting online are not received) against those fully digitised.
 */
export class DigitisationReport {
  constructor(
    private readonly knex: Knex,
    private readonly units: UnitDirectory,
  ) {}

  async run(filter: DigitisationFilter): Promise<DigitisationRow[]> {
    const q = this.knex('dossiers')
      .where('received_at', '>=', startOfLocalDay(filter.from))
      .where('received_at', '<', startOfLocalDay(addDays(filter.to, 1)))
      .whereNotIn('status_code', [NEW, REFUSED])
      .groupBy('unit_code')
      .orderBy('unit_code')
      .select(
        'unit_code',
        this.knex.raw('count(*) as received'),
        this.knex.raw('sum(case when digitised_at is not null then 1 else 0 end) as digitised'),
      );
    if (filter.unitCode) q.where('unit_code', filter.unitCode);
    const rows: { unit_code: string; received: number | string; digitised: number | string }[] = await q;
    return rows.map((r) => {
      const received = Number(r.received);
      const digitised = Number(r.digitised);
      return {
        unitCode: r.unit_code,
        unitName: this.units.get(r.unit_code)?.name ?? r.unit_code,
        received,
        digitised,
        rate: received ? Math.round((digitised / received) * 10000) / 10000 : null,
      };
    });
  }
}
