import type { Grouping } from '../../../src/reports/on-time';
import type { OnTimeRow } from './report-api';
import { t } from './messages';

const LEVELS = ['tinh', 'huyen', 'xa'] as const;

/** A level's name in the current language (the server's own name for a level it does not know). */
export function levelName(code: string, fallback = code): string {
  const level = LEVELS.find((l) => l === code);
  return level ? t(`level_${level}`) : fallback;
}

/** How a row is named in the table and the charts: units by the server's name for the period, procedures by name. */
export function rowLabel(row: OnTimeRow, groupBy: Grouping, procedureNames: ReadonlyMap<string, string>): string {
  if (groupBy === 'level') return levelName(row.key, row.label);
  if (groupBy === 'month') return `${row.key.slice(5, 7)}/${row.key.slice(0, 4)}`;
  if (groupBy === 'procedure') return procedureNames.get(row.key) ?? row.label;
  return row.label;
}
