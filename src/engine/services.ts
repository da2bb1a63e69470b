/**
 * The only functions a BPMN diagram can reach. Expressions resolve `${environment.services.<name>(…)}` against the
 * expression helpers; a service task names one of the service-task implementations with
 * `implementation="${environment.services.<name>}"`. Uploaded diagrams never run code of their own.
 */
export type ServiceRegistry = Record<string, (...args: never[]) => unknown>;

/** Functions conditions may call, e.g. `${environment.services.outcomeIs(environment.variables.outcome,'approve')}`. */
export const EXPRESSION_HELPERS = ['outcomeIs'] as const;

/** True when the outcome recorded by the last completed task equals `expected`. */
function outcomeIs(actual: unknown, expected: unknown): boolean {
  return actual === expected;
}

/**
 * Service tasks complete at once inside the engine step; what they ask for is done after the step commits, from its
 * recorded events (e.g. `notifyApplicant` queues a message to the applicant in the outbox), so a step never waits on
 * the outside world and never does it twice.
 */
export const SERVICE_TASKS = ['notifyApplicant'] as const;
export type ServiceTaskName = (typeof SERVICE_TASKS)[number];

function completeAtOnce(_context: unknown, next: (err: Error | null) => void): void {
  next(null);
}

/**
 * The registry handed to every engine: frozen, without a prototype, its functions frozen too, so that nothing a step
 * does can add, replace or reach anything through it (expressions read own properties only, see expressions.ts).
 */
export function createServices(): ServiceRegistry {
  const entries = [['outcomeIs', outcomeIs], ...SERVICE_TASKS.map((name) => [name, completeAtOnce] as const)] as const;
  const registry = Object.create(null) as ServiceRegistry;
  for (const [name, fn] of entries) registry[name] = Object.freeze(fn) as ServiceRegistry[string];
  return Object.freeze(registry);
}
