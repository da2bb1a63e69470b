/** The moddle element shape the city's rules read (bpmn-moddle gives no types). */
export interface Node {
  $type: string;
  id?: string;
  name?: string;
  $parent?: Node;
  [key: string]: unknown;
}

export interface Reporter {
  report(id: string, message: string): void;
}

export type Rule = { check: (node: Node, reporter: Reporter) => void };
export type RuleFactory = (config?: Record<string, unknown>) => Rule;

/** The elements of a process or sub-process, and the flows between them. */
export function flowElements(container: Node): Node[] {
  return (container.flowElements as Node[] | undefined) ?? [];
}
