import { readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import { startOfLocalDay } from '../calendar/working-time.js';
import { fromRoot } from '../project.js';
import { UnitDirectory } from '../units/directory.js';
import { planReorganisation, type ReorganisationInput } from './plan.js';
import { inputSha256, kindLevels, ReorganisationStore } from './store.js';

/**
 * The reorganisations of Hà Nội's unit map shipped with the system, oldest first. Each is exactly what an admin would
 * load with `motcua reorganise` (README "Unit reorganisations"), so that loading it again later finds it recorded.
 */
export function shippedReorganisations(): ReorganisationInput[] {
  const data = (name: string) => readFileSync(fromRoot('src/units/data', name), 'utf8');
  return [
    {
      name: 'NQ 1656/NQ-UBTVQH15',
      effectiveDate: '2025-07-01',
      unitsCsv: data('units-2025.csv'),
      mergesCsv: data('units-2025-merges.csv'),
      abolishLevels: ['huyen'],
      complete: true,
    },
  ];
}

/**
 * A new installation starts on the map in force on `mapDate`: every shipped reorganisation dated on or before it is
 * recorded and applied as `Reorganisations` records and applies one (successions, earlier names, validity dates), at
 * once and in the seed's transaction, since a new database has no dossiers and no staff to hand over.
 */
export async function applyShippedReorganisations(trx: Knex.Transaction, mapDate: string, now: Date): Promise<number> {
  const store = new ReorganisationStore(trx);
  const levels = await kindLevels(trx);
  let applied = 0;
  for (const input of shippedReorganisations().filter((r) => r.effectiveDate <= mapDate)) {
    const units = await UnitDirectory.load(trx);
    const plan = planReorganisation(input, units.list(), levels);
    const effectiveAt = startOfLocalDay(plan.effectiveDate);
    const id = await store.record(trx, plan, inputSha256(input), effectiveAt, null, now);
    await store.applyUnitChanges(trx, id, plan);
    await store.setStatus(trx, id, 'applied', now.toISOString());
    applied++;
  }
  return applied;
}
