import { useEffect, useMemo, useState } from 'preact/hooks';
import { ErrorBox, Spinner, useLoad } from '../app/ui';
import { DiagramView, type Viewer } from '../diagram/diagram-view';
import { currentLang } from '../i18n';
import { auditApi } from './audit-api';
import { budgetsOf } from './budgets';
import { HeatmapLegend } from './heatmap-legend';
import { HeatmapPainter } from './heatmap-painter';
import type { HeatBasis } from './heatmap-scale';
import { HeatmapTable } from './heatmap-table';
import { t } from './messages';
import { serviceOf } from './viewer-services';

/** One procedure version's heatmap: drawn on its diagram, with the legend and the figures as a table. */
export function HeatmapView({ procedure, version }: { procedure: string; version: number }) {
  const loaded = useLoad(
    () => Promise.all([auditApi.bpmn(procedure, version), auditApi.heatmap(procedure, version)]),
    [procedure, version],
  );
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [basis, setBasis] = useState<HeatBasis>('time');
  const lang = currentLang();
  const budgets = useMemo(() => (loaded.data ? budgetsOf(loaded.data[0]) : new Map<string, number>()), [loaded.data]);
  useEffect(() => {
    if (viewer && loaded.data) serviceOf(viewer, HeatmapPainter).paint(loaded.data[1], basis, budgets);
  }, [viewer, loaded.data, basis, budgets, lang]);

  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (!loaded.data) return <Spinner label={t('loading')} />;
  const [xml, entries] = loaded.data;
  const passedAny = entries.some((e) => e.passed > 0);
  return (
    <div class="heatmap-view" data-testid="heatmap-view">
      <div class="toolbar">
        <span>{t('colourBy')}:</span>
        {(['time', 'late'] as const).map((b) => (
          <label key={b} class="radio">
            <input type="radio" name="heat-basis" checked={basis === b} onChange={() => setBasis(b)} />
            {b === 'time' ? t('byTime') : t('byLate')}
          </label>
        ))}
        <span class="grow" />
        <HeatmapLegend basis={basis} />
      </div>
      {!passedAny && <p class="muted">{t('heatmapEmpty')}</p>}
      <DiagramView xml={xml} class="canvas heatmap-canvas" testId="heatmap-diagram" onShown={setViewer} />
      <HeatmapTable entries={entries} basis={basis} budgets={budgets} />
    </div>
  );
}
