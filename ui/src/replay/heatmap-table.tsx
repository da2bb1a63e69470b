import { formatWorkingMinutes } from '../app/format';
import { currentLang } from '../i18n';
import { heatBucket, type HeatBasis } from './heatmap-scale';
import { t } from './messages';
import type { HeatmapEntry } from './types';

/** The heatmap's figures per activity, in the diagram's order, with each task's colour. */
export function HeatmapTable({
  entries,
  basis,
  budgets,
}: {
  entries: HeatmapEntry[];
  basis: HeatBasis;
  budgets: Map<string, number>;
}) {
  const lang = currentLang();
  return (
    <table class="heat-table" data-testid="heatmap-table">
      <thead>
        <tr>
          <th />
          <th>{t('activity')}</th>
          <th>{t('type')}</th>
          <th class="num">{t('budget')}</th>
          <th class="num">{t('passed')}</th>
          <th class="num">{t('median')}</th>
          <th class="num">{t('p90')}</th>
          <th class="num">{t('lateCount')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const bucket = heatBucket(e, basis, budgets.get(e.activityId));
          return (
            <tr key={e.activityId} data-activity={e.activityId}>
              <td>{bucket !== null && <span class={`heat-swatch heat-swatch-${bucket}`} />}</td>
              <td>{e.name ?? e.activityId}</td>
              <td class="muted">{e.type.replace('bpmn:', '')}</td>
              <td class="num">{formatWorkingMinutes(budgets.get(e.activityId), lang)}</td>
              <td class="num">{e.passed}</td>
              <td class="num">{formatWorkingMinutes(e.medianMinutes, lang)}</td>
              <td class="num">{formatWorkingMinutes(e.p90Minutes, lang)}</td>
              <td class={e.late > 0 ? 'num late' : 'num'}>{e.late}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
