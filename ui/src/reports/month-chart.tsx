import { currentLang } from '../i18n';
import { ChartCanvas } from './chart-canvas';
import { ChartPanel } from './chart-panel';
import { COLOURS } from './chart-setup';
import { t } from './messages';
import { formatCount, formatPercent, percentValue } from './numbers';
import { percentAxis } from './rate-tooltip';
import { useOnTime } from './report-api';
import type { ReportFilter } from './report-filter';
import { rowLabel } from './row-label';

const NO_NAMES = new Map<string, string>();

/** Month by month: the on-time rate as a line (left axis) over the dossiers received, resolved and late as bars (right axis). */
export function MonthChart({ filter }: { filter: ReportFilter }) {
  const { data: rows, error, loading } = useOnTime(filter, 'month');
  return (
    <ChartPanel title={t('byMonth')} name="month" loading={loading} error={error}>
      {rows && rows.length === 0 && <p class="muted">{t('noRows')}</p>}
      {rows && rows.length > 0 && (
        <ChartCanvas
          name="month"
          label={t('byMonth')}
          height={250}
          version={`${currentLang()}|${JSON.stringify(rows)}`}
          config={() => ({
            type: 'bar',
            data: {
              labels: rows.map((r) => rowLabel(r, 'month', NO_NAMES)),
              datasets: [
                {
                  type: 'line',
                  label: t('onTimeRate'),
                  data: rows.map((r) => percentValue(r.onTimeRate)),
                  yAxisID: 'rate',
                  borderColor: COLOURS.onTime,
                  backgroundColor: COLOURS.onTime,
                  borderWidth: 3,
                  pointRadius: 4,
                  order: 0,
                },
                {
                  label: t('received'),
                  data: rows.map((r) => r.received),
                  yAxisID: 'count',
                  backgroundColor: '#a9c4e6',
                  maxBarThickness: 28,
                  order: 1,
                },
                {
                  label: t('resolved'),
                  data: rows.map((r) => r.resolved),
                  yAxisID: 'count',
                  backgroundColor: '#8c99a8',
                  maxBarThickness: 28,
                  order: 1,
                },
                {
                  label: t('late'),
                  data: rows.map((r) => r.late),
                  yAxisID: 'count',
                  backgroundColor: COLOURS.late,
                  maxBarThickness: 28,
                  order: 1,
                },
              ],
            },
            options: {
              interaction: { mode: 'index', intersect: false },
              scales: {
                rate: { ...percentAxis(t('rateAxis')), position: 'left' },
                count: {
                  position: 'right',
                  beginAtZero: true,
                  ticks: { precision: 0, callback: (v: string | number) => formatCount(Number(v)) },
                  grid: { drawOnChartArea: false },
                  title: { display: true, text: t('countAxis') },
                },
              },
              plugins: {
                legend: { position: 'bottom', labels: { boxWidth: 12 } },
                tooltip: {
                  callbacks: {
                    label: (item) =>
                      `${item.dataset.label}: ${item.dataset.yAxisID === 'rate' ? formatPercent(rows[item.dataIndex]!.onTimeRate) : formatCount(Number(item.raw))}`,
                  },
                },
              },
            },
          })}
        />
      )}
    </ChartPanel>
  );
}
