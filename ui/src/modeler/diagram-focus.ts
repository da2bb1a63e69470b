/** What the editor and the read-only viewer have in common: their services. */
export interface Diagram {
  get(name: string): unknown;
}

export interface Shape {
  id: string;
  parent?: unknown;
  businessObject?: { name?: string };
}

/** The drawn element of a BPMN id, if it is drawn. */
export const shapeOf = (diagram: Diagram, id: string) =>
  (diagram.get('elementRegistry') as { get(id: string): Shape | undefined }).get(id);

/** Selects a finding's element and scrolls it into view; a finding on the whole process shows the whole diagram. */
export function focusElement(diagram: Diagram | null, id: string | null): void {
  if (!diagram || !id) return;
  const shape = shapeOf(diagram, id);
  const canvas = diagram.get('canvas') as { scrollToElement(shape: Shape): void; zoom(level: string): void };
  const selection = diagram.get('selection') as { select(shape: Shape | null): void };
  if (!shape || !shape.parent) {
    selection.select(null);
    canvas.zoom('fit-viewport');
    return;
  }
  selection.select(shape);
  canvas.scrollToElement(shape);
}

/** The name of a finding's element as drawn (its id when it has none). */
export function elementName(diagram: Diagram | null, id: string | null): string | null {
  if (!id) return null;
  const shape = diagram ? shapeOf(diagram, id) : undefined;
  return shape?.businessObject?.name || id;
}
