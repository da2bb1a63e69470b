import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';

/** Removes the given markers (CSS classes) from every element of the diagram. */
export function clearMarkers(canvas: Canvas, registry: ElementRegistry, markers: readonly string[]): void {
  for (const element of registry.getAll()) for (const marker of markers) canvas.removeMarker(element.id, marker);
}

/** Adds a marker to an element if the diagram has it (a record may name elements a changed diagram lacks). */
export function addMarker(canvas: Canvas, registry: ElementRegistry, id: string, marker: string): boolean {
  if (!registry.get(id)) return false;
  canvas.addMarker(id, marker);
  return true;
}
