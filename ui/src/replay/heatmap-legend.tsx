import { BUCKETS, type HeatBasis } from './heatmap-scale';
import { t } from './messages';

/** What each colour of the heatmap means, for the basis chosen. */
export function HeatmapLegend({ basis }: { basis: HeatBasis }) {
  return (
    <ul class="heat-legend" data-testid="heatmap-legend">
      {BUCKETS.map((bucket) => (
        <li key={bucket}>
          <span class={`heat-swatch heat-swatch-${bucket}`} />
          {bucket === 0 ? t('noData') : t(`${basis}Bucket${bucket}`)}
        </li>
      ))}
    </ul>
  );
}
