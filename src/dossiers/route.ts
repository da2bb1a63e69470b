import type { ProcessDefinition } from '../engine/definitions.js';
import type { StepResult, StepRunner } from '../engine/steps.js';

/** The way to a target task: the outcomes given to the tasks on the way, and the step that ends waiting there. */
export interface Route {
  path: { activityId: string; outcome: string | null }[];
  result: StepResult;
}

const MAX_ROUTE = 30;

/**
 * Starts a process and drives it, depth first, to the target task: at each task the outcomes are tried in order until
 * one leads there. Null when no way without loops reaches it. The step carries every engine event on the way and no
 * timers (those armed on the way were left behind).
 */
export async function routeTo(
  runner: StepRunner,
  definition: ProcessDefinition,
  target: string,
): Promise<Route | null> {
  const search = async (step: StepResult, path: Route['path'], events: StepResult['events']): Promise<Route | null> => {
    const all = [...events, ...step.events];
    if (step.waiting.length === 1 && step.waiting[0]!.activityId === target)
      return { path, result: { ...step, events: all, timers: [] } };
    if (step.completed || step.waiting.length !== 1 || path.length >= MAX_ROUTE) return null;
    const task = step.waiting[0]!;
    if (path.some((p) => p.activityId === task.activityId)) return null; // a loop: not a way forward
    const spec = definition.tasks.get(task.activityId)!;
    for (const outcome of spec.outcomes.length ? spec.outcomes : [null]) {
      const next = await runner.signal(definition, step.state, { executionId: task.executionId, outcome });
      const found = await search(next, [...path, { activityId: task.activityId, outcome }], all);
      if (found) return found;
    }
    return null;
  };
  return search(await runner.start(definition), [], []);
}
