import type { Finding } from '../app/api';
import { shapeOf, type Diagram } from './diagram-focus';

interface Overlays {
  add(id: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}

/** The server's findings as badges on their elements (type `server-finding`), replacing the previous ones. */
export function markServerFindings(diagram: Diagram, findings: Finding[], label: string): void {
  const overlays = diagram.get('overlays') as Overlays;
  overlays.remove({ type: 'server-finding' });
  for (const finding of findings) {
    const shape = finding.elementId ? shapeOf(diagram, finding.elementId) : undefined;
    if (!shape?.parent) continue;
    const badge = document.createElement('div');
    badge.className = `server-finding server-finding-${finding.severity}`;
    badge.title = `${label}: ${finding.message}`;
    badge.textContent = '!';
    overlays.add(shape.id, 'server-finding', { position: { bottom: 10, left: -8 }, html: badge });
  }
}
