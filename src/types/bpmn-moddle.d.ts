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
