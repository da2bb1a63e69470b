import type { TooltipItem } from 'chart.js';
import { t } from './messages';
import { formatCount, formatPercent } from './numbers';
import type { OnTimeRow } from './report-api';

/** The tooltip line of a rate bar or point: "92,3 % (12/13 đúng hạn)". */
export function rateTooltip(rows: readonly OnTimeRow[]) {
  return (item: TooltipItem<'bar' | 'line'>) => {
    const row = rows[item.dataIndex];
    if (!row) return '';
    return `${t('onTimeRate')}: ${formatPercent(row.onTimeRate)} (${formatCount(row.onTime)}/${formatCount(row.resolved)})`;
  };
}

/** A percentage axis from 0 to 100 with Vietnamese- or English-style ticks. */
export function percentAxis(title?: string) {
  return {
    min: 0,
    max: 100,
    ticks: { callback: (value: string | number) => formatPercent(Number(value) / 100) },
    title: title ? { display: true, text: title } : undefined,
  };
}
