import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import { addMarker, clearMarkers } from './markers';
import { t } from './messages';
import type { Divergence, ReplayStep } from './types';

const MARKERS = ['replay-path', 'replay-step', 'replay-waiting', 'replay-divergence'];
const TOKEN = 'replay-token';

/**
 * Shows a replay at one step on the diagram: every node and flow passed so far (`replay-path`), those of this step
 * (`replay-step`), a token on each activity the dossier waits at after it (`replay-waiting` and a dot overlay), and the
 * elements where replay and record part (`replay-divergence`).
 */
export class ReplayMarker {
  static $inject = ['canvas', 'elementRegistry', 'overlays'];

  constructor(
    private readonly canvas: Canvas,
    private readonly registry: ElementRegistry,
    private readonly overlays: Overlays,
  ) {}

  show(steps: ReplayStep[], index: number, divergence: Divergence | null): void {
    const mark = (id: string, marker: string) => addMarker(this.canvas, this.registry, id, marker);
    clearMarkers(this.canvas, this.registry, MARKERS);
    this.overlays.remove({ type: TOKEN });
    const current = steps[index];
    if (!current) return;
    for (const step of steps.slice(0, index + 1)) for (const id of step.path) mark(id, 'replay-path');
    for (const id of current.path) mark(id, 'replay-step');
    if (current.activityId) mark(current.activityId, 'replay-step');
    for (const id of current.tokens)
      if (mark(id, 'replay-waiting'))
        this.overlays.add(id, TOKEN, { position: { top: -9, right: 9 }, html: tokenDot() });
    for (const ref of [divergence?.expected, divergence?.actual]) if (ref) mark(ref.elementId, 'replay-divergence');
  }
}

function tokenDot(): HTMLElement {
  const dot = document.createElement('div');
  dot.className = 'replay-token-dot';
  dot.title = t('tokenTitle');
  return dot;
}
