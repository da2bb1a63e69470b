import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import { formatWorkingMinutes } from '../app/format';
import { currentLang } from '../i18n';
import { heatBucket, isTask, type HeatBasis } from './heatmap-scale';
import { addMarker, clearMarkers } from './markers';
import { t } from './messages';
import type { HeatmapEntry } from './types';

const MARKERS = ['heat-0', 'heat-1', 'heat-2', 'heat-3', 'heat-4'];
const OVERLAY = 'heatmap';

/**
 * Draws a heatmap on the diagram: each task coloured by its bucket (a `heat-<n>` marker) and labelled above with the
 * dossiers passed, median time and late count; events and gateways get the count of dossiers passed.
 */
export class HeatmapPainter {
  static $inject = ['canvas', 'elementRegistry', 'overlays'];

  constructor(
    private readonly canvas: Canvas,
    private readonly registry: ElementRegistry,
    private readonly overlays: Overlays,
  ) {}

  paint(entries: HeatmapEntry[], basis: HeatBasis, budgets: Map<string, number>): void {
    clearMarkers(this.canvas, this.registry, MARKERS);
    this.overlays.remove({ type: OVERLAY });
    for (const entry of entries) {
      if (!this.registry.get(entry.activityId)) continue;
      const bucket = heatBucket(entry, basis, budgets.get(entry.activityId));
      if (bucket !== null) addMarker(this.canvas, this.registry, entry.activityId, `heat-${bucket}`);
      const html = isTask(entry) ? taskLabel(entry) : countLabel(entry);
      html.dataset.activity = entry.activityId;
      this.overlays.add(entry.activityId, OVERLAY, {
        position: isTask(entry) ? { top: -22, left: 0 } : { top: -12, right: 10 },
        html,
      });
    }
  }
}

function taskLabel(entry: HeatmapEntry): HTMLElement {
  const lang = currentLang();
  const label = element('div', 'heat-label');
  label.append(element('span', 'heat-passed', t('overlayPassed', { n: entry.passed })));
  if (entry.medianMinutes !== null)
    label.append(element('span', 'heat-median', formatWorkingMinutes(entry.medianMinutes, lang)));
  if (entry.late > 0) label.append(element('span', 'heat-late', t('overlayLate', { n: entry.late })));
  label.title = [
    entry.name ?? entry.activityId,
    `${t('passed')}: ${entry.passed}`,
    `${t('median')}: ${formatWorkingMinutes(entry.medianMinutes, lang)}`,
    `${t('p90')}: ${formatWorkingMinutes(entry.p90Minutes, lang)}`,
    `${t('lateCount')}: ${entry.late}`,
  ].join('\n');
  return label;
}

function countLabel(entry: HeatmapEntry): HTMLElement {
  const badge = element('div', 'heat-count', String(entry.passed));
  badge.title = `${entry.name ?? entry.activityId}: ${t('overlayPassed', { n: entry.passed })}`;
  return badge;
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
