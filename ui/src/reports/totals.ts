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

/**
 * The rows summed, with the on-time rate of the sum (not the mean of the rates). A dossier received at one desk for
 * another unit counts as received at the desk and as handled at the unit, so the sum keeps, as each row does,
 * inProgress = handled − resolved − paused − withdrawn (not received − …).
 */
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
