// bpmn-moddle 9 ships no type declarations; the engine room is its only user.
declare module 'bpmn-moddle' {
  export interface ModdleWarning {
    message: string;
    element?: { id?: string; $type?: string };
  }
  export interface Definitions {
    rootElement: { $type: string; id?: string; rootElements?: unknown[] };
    warnings: ModdleWarning[];
    [key: string]: unknown;
  }
  export type BaseElement = Record<string, unknown>;
  export default class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<Definitions>;
  }
}

// bpmnlint-utils ships no type declarations.
declare module 'bpmnlint-utils' {
  export function is(node: unknown, type: string): boolean;
  export function isAny(node: unknown, types: string[]): boolean;
}

// bpmnlint 11 is CommonJS without usable declarations under NodeNext.
declare module 'bpmnlint' {
  const bpmnlint: {
    Linter: new (options: { config: unknown; resolver: unknown }) => { lint(root: unknown): Promise<unknown> };
  };
  export default bpmnlint;
}

declare module 'bpmn-js-differ' {
  interface Changed {
    model: { $type: string; id: string; name?: string };
    attrs: Record<string, { oldValue: unknown; newValue: unknown }>;
  }
  export function diff(
    a: unknown,
    b: unknown,
  ): {
    _added: Record<string, { $type: string; id: string; name?: string }>;
    _removed: Record<string, { $type: string; id: string; name?: string }>;
    _changed: Record<string, Changed>;
    _layoutChanged: Record<string, { $type: string; id: string }>;
  };
}
