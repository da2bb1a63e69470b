import { currentLang } from '../i18n';
import { ChartCanvas } from './chart-canvas';
import { ChartPanel } from './chart-panel';
import { COLOURS } from './chart-setup';
import { t } from './messages';
import { formatCount, formatPercent, percentValue } from './numbers';
import { percentAxis, rateTooltip } from './rate-tooltip';
import { useOnTime } from './report-api';
import type { ReportFilter } from './report-filter';
import { levelName } from './row-label';
import { totalsOf } from './totals';

/** The on-time rate of each level (city, district, commune) as bars, with the overall rate above them. */
export function LevelChart({ filter }: { filter: ReportFilter }) {
  const { data: rows, error, loading } = useOnTime(filter, 'level');
  const total = rows && totalsOf(rows);
  return (
    <ChartPanel title={t('byLevel')} name="level" loading={loading} error={error}>
      {rows && total && rows.length > 0 && (
        <p class="overall" data-testid="overall">
          {total.resolved
            ? t('overall', {
                rate: formatPercent(total.onTimeRate),
                onTime: formatCount(total.onTime),
                resolved: formatCount(total.resolved),
              })
            : t('noResolved')}
        </p>
      )}
      {rows && rows.length === 0 && <p class="muted">{t('noRows')}</p>}
      {rows && rows.length > 0 && (
        <ChartCanvas
          name="level"
          label={t('byLevel')}
          height={210}
          version={`${currentLang()}|${JSON.stringify(rows)}`}
          config={() => ({
            type: 'bar',
            data: {
              labels: rows.map((r) => levelName(r.key, r.label)),
              datasets: [
                {
                  label: t('onTimeRate'),
                  data: rows.map((r) => percentValue(r.onTimeRate)),
                  backgroundColor: COLOURS.onTime,
                  maxBarThickness: 56,
                },
              ],
            },
            options: {
              scales: { y: percentAxis() },
              plugins: { legend: { display: false }, tooltip: { callbacks: { label: rateTooltip(rows) } } },
            },
          })}
        />
      )}
    </ChartPanel>
  );
}
