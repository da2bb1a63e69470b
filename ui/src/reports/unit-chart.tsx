import { useEffect, useState } from 'preact/hooks';
import { currentLang } from '../i18n';
import { ChartCanvas } from './chart-canvas';
import { ChartPanel } from './chart-panel';
import { COLOURS } from './chart-setup';
import { t } from './messages';
import { percentValue } from './numbers';
import { percentAxis, rateTooltip } from './rate-tooltip';
import { useOnTime, type OnTimeRow } from './report-api';
import type { ReportFilter } from './report-filter';

const PAGE = 10;

/** Units that resolved dossiers in the period, the lowest on-time rate first (then the most late). */
export function worstFirst(rows: readonly OnTimeRow[]): OnTimeRow[] {
  return rows
    .filter((r) => r.resolved > 0)
    .sort(
      (a, b) => (a.onTimeRate ?? 1) - (b.onTimeRate ?? 1) || b.late - a.late || a.label.localeCompare(b.label, 'vi'),
    );
}

const shorten = (name: string) => (name.length > 30 ? `${name.slice(0, 29)}…` : name);

/** The on-time rate of the units as horizontal bars, ten at a time from the worst (there are over 600 units). */
export function UnitChart({ filter }: { filter: ReportFilter }) {
  const { data, error, loading } = useOnTime(filter, 'unit');
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [data]);
  const ranked = data ? worstFirst(data) : [];
  const shown = ranked.slice(offset, offset + PAGE);
  const pager = ranked.length > 0 && (
    <div class="toolbar chart-pager">
      <span class="muted grow">
        {t('unitsShown', { from: offset + 1, to: offset + shown.length, total: ranked.length })}
      </span>
      <button type="button" disabled={offset === 0} onClick={() => setOffset(offset - PAGE)}>
        {t('previous')}
      </button>
      <button type="button" disabled={offset + PAGE >= ranked.length} onClick={() => setOffset(offset + PAGE)}>
        {t('next')}
      </button>
    </div>
  );
  return (
    <ChartPanel title={t('byUnit')} name="unit" loading={loading} error={error} footer={pager}>
      {data && shown.length === 0 && <p class="muted">{t('noResolved')}</p>}
      {shown.length > 0 && (
        <ChartCanvas
          name="unit"
          label={t('byUnit')}
          height={232}
          version={`${currentLang()}|${offset}|${JSON.stringify(shown)}`}
          config={() => ({
            type: 'bar',
            data: {
              labels: shown.map((r) => r.label),
              datasets: [
                {
                  label: t('onTimeRate'),
                  data: shown.map((r) => percentValue(r.onTimeRate)),
                  backgroundColor: COLOURS.rate,
                  maxBarThickness: 18,
                },
              ],
            },
            options: {
              indexAxis: 'y',
              scales: {
                x: percentAxis(),
                y: {
                  ticks: {
                    autoSkip: false,
                    callback: (_v: string | number, i: number) => shorten(shown[i]?.label ?? ''),
                  },
                },
              },
              plugins: { legend: { display: false }, tooltip: { callbacks: { label: rateTooltip(shown) } } },
            },
          })}
        />
      )}
    </ChartPanel>
  );
}
