/**
 * The only functions a BPMN diagram can reach: the engine resolves `${environment.services.<name>(…)}`
 * against this registry and nothing else. Uploaded diagrams never run code of their own.
 */
export type ServiceRegistry = Record<string, (...args: never[]) => unknown>;

/** True when the outcome recorded by the last completed task equals `expected`. */
function outcomeIs(actual: unknown, expected: unknown): boolean {
  return actual === expected;
}

export function createServices(): ServiceRegistry {
  return { outcomeIs };
}
