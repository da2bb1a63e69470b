declare module 'bpmn-auto-layout' {
  /** Returns the diagram with a drawing (BPMN DI) computed for its process. */
  export function layoutProcess(xml: string): Promise<string>;
}
