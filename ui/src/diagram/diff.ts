import type { Viewer } from './diagram-view';

/** What changed between two versions (GET /api/procedures/:code/versions/:n/diff/:m). */
export interface DiagramDiff {
  added: ElementRef[];
  removed: ElementRef[];
  changed: (ElementRef & { changes: { attribute: string; before: unknown; after: unknown }[] })[];
  layoutChanged: ElementRef[];
}

export interface ElementRef {
  id: string;
  type: string;
  name: string | null;
}

interface Canvas {
  addMarker(id: string, marker: string): void;
}

/**
 * Colours a diagram by a diff: on the newer version added elements green and changed ones amber, on the older version
 * removed ones red and changed ones amber.
 */
export function markDiff(viewer: Viewer, diff: DiagramDiff, side: 'older' | 'newer'): void {
  const canvas = viewer.get('canvas') as Canvas;
  const registry = viewer.get('elementRegistry') as { get(id: string): unknown };
  const mark = (refs: ElementRef[], marker: string) => {
    for (const ref of refs) if (registry.get(ref.id)) canvas.addMarker(ref.id, marker);
  };
  mark(side === 'newer' ? diff.added : diff.removed, side === 'newer' ? 'diff-added' : 'diff-removed');
  mark(diff.changed, 'diff-changed');
  mark(diff.layoutChanged, 'diff-moved');
}
