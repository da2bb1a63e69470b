import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { Viewer } from '../diagram/diagram-view';

interface Injector {
  instantiate<T>(type: new (...args: never[]) => T): T;
}

/** A diagram-js service of this folder (a class listing its `$inject`), built by the viewer's injector. */
export function serviceOf<T>(viewer: Viewer, type: (new (...args: never[]) => T) & { $inject: string[] }): T {
  return viewer.get<Injector>('injector').instantiate(type);
}

/** The names of the diagram's elements by id. */
export function elementNames(viewer: Viewer): Map<string, string> {
  const names = new Map<string, string>();
  for (const element of viewer.get<ElementRegistry>('elementRegistry').getAll()) {
    const name = (element as { businessObject?: { name?: string } }).businessObject?.name;
    if (name) names.set(element.id, name);
  }
  return names;
}
