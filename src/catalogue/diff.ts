import BpmnModdle from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';
import { moddleOptions } from '../engine/definitions.js';

export interface ElementRef {
  id: string;
  type: string;
  name: string | null;
}

/** What changed between two diagrams of a procedure, element by element, for the editor to colour. */
export interface DiagramDiff {
  added: ElementRef[];
  removed: ElementRef[];
  changed: (ElementRef & { changes: { attribute: string; before: unknown; after: unknown }[] })[];
  /** Moved or resized only. */
  layoutChanged: ElementRef[];
}

/** The semantic difference of two BPMN documents (bpmn-js-differ), the city's attributes included. */
export async function diffDiagrams(beforeXml: string, afterXml: string): Promise<DiagramDiff> {
  const [before, after] = await Promise.all(
    [beforeXml, afterXml].map((xml) => new BpmnModdle(moddleOptions).fromXML(xml)),
  );
  const changes = diff(before!.rootElement, after!.rootElement);
  const ref = (e: { $type: string; id: string; name?: string }): ElementRef => ({
    id: e.id,
    type: e.$type,
    name: e.name ?? null,
  });
  return {
    added: Object.values(changes._added).map(ref),
    removed: Object.values(changes._removed).map(ref),
    changed: Object.values(changes._changed).map((c) => ({
      ...ref(c.model),
      // bpmn-js-differ 3 names them the wrong way round: its `newValue` holds the first document's value.
      changes: Object.entries(c.attrs).map(([attribute, v]) => ({
        attribute,
        before: plain(v.newValue),
        after: plain(v.oldValue),
      })),
    })),
    layoutChanged: Object.values(changes._layoutChanged).map(ref),
  };
}

/** Moddle values (references, expressions) as JSON: an element by its id, an expression by its body. */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value ?? null;
  const v = value as { id?: string; body?: string; $type?: string };
  return v.id ?? v.body ?? v.$type ?? null;
}
