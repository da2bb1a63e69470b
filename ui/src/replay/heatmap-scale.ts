import type { HeatmapEntry } from './types';

/** What the colours of the heatmap measure. */
export type HeatBasis = 'time' | 'late';

/** 0: no data; 1 (green) to 4 (red). */
export type HeatBucket = 0 | 1 | 2 | 3 | 4;

export const BUCKETS: readonly HeatBucket[] = [1, 2, 3, 4, 0];

/** Whether the entry is a task people work on (events and gateways take no time and are never late). */
export function isTask(entry: HeatmapEntry): boolean {
  return /Task$/.test(entry.type);
}

/**
 * The colour of a task: by its median time against its budget (≤ 50 %, ≤ 100 %, ≤ 150 %, more), or by the share of
 * its tasks that were late (none, ≤ 25 %, ≤ 50 %, more). Null for what is not a task.
 */
export function heatBucket(entry: HeatmapEntry, basis: HeatBasis, budget: number | undefined): HeatBucket | null {
  if (!isTask(entry)) return null;
  if (basis === 'time') {
    if (entry.medianMinutes === null || !budget) return 0;
    return step(entry.medianMinutes / budget, [0.5, 1, 1.5]);
  }
  if (entry.passed === 0) return 0;
  return entry.late === 0 ? 1 : step(entry.late / entry.passed, [0, 0.25, 0.5]);
}

function step(ratio: number, limits: [number, number, number]): HeatBucket {
  if (ratio <= limits[0]) return 1;
  if (ratio <= limits[1]) return 2;
  if (ratio <= limits[2]) return 3;
  return 4;
}
