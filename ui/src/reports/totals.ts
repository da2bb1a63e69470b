import type { OnTimeRow } from './report-api';

const COUNTS = [
  'received',
  'handled',
  'resolved',
  'onTime',
  'early',
  'late',
  'inProgress',
  'paused',
  'withdrawn',
  'refused',
] as const;

/** The rows summed, with the on-time rate of the sum (not the mean of the rates). */
export function totalsOf(rows: readonly OnTimeRow[]): OnTimeRow {
  const total: OnTimeRow = {
    key: '',
    label: '',
    received: 0,
    handled: 0,
    resolved: 0,
    onTime: 0,
    early: 0,
    late: 0,
    inProgress: 0,
    paused: 0,
    withdrawn: 0,
    refused: 0,
    onTimeRate: null,
  };
  for (const row of rows) for (const k of COUNTS) total[k] += row[k];
  if (rows.some((r) => r.lateAttributed !== undefined))
    total.lateAttributed = rows.reduce((n, r) => n + (r.lateAttributed ?? 0), 0);
  total.onTimeRate = total.resolved ? total.onTime / total.resolved : null;
  return total;
}
