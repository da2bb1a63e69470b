import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseDefinition, type ProcessDefinition } from '../src/engine/definitions.js';
import { ProcessRunner } from '../src/engine/runner.js';
import type { StepResult } from '../src/engine/steps.js';
import { fromRoot } from '../src/project.js';
import { round1 } from './stats.js';

export interface EngineFigures {
  engineStepsPerSec: number;
  engineRecoverStepsPerSec: number;
  definitionKb: number;
}

/** The process both engine figures run, and the HTTP load completes the first task of. */
export const ENGINE_PROCEDURE = '1.001193';

/**
 * Raw bpmn-engine through src/engine's runner, in memory, one thread, no database. A lifecycle starts the process and
 * signals its user tasks to the end (approving where the flow branches); a step is one signal and the run to the next
 * wait, and only steps are timed (the start is not a step).
 * - in memory: one engine instance kept alive for the whole lifecycle (`runner.live`);
 * - recover: every step recovers the stored JSON state, resumes, signals, runs and serializes the state again
 *   (`runner.signal`), which is what every completion on the server does.
 */
export async function engineBench(seconds = 3): Promise<EngineFigures> {
  const xml = readFileSync(fromRoot('processes', `${ENGINE_PROCEDURE}.bpmn`), 'utf8');
  const definition = await parseDefinition(xml);
  const runner = new ProcessRunner();
  const outcomeOf = (activityId: string) => (definition.tasks.get(activityId)!.outcomes.length ? 'approve' : null);

  const inMemory = async () => {
    const run = await runner.live(definition);
    let step = run.first;
    let timed = 0;
    let steps = 0;
    while (!step.completed) {
      const activityId = step.waiting[0]!.activityId;
      const start = performance.now();
      step = run.signal(activityId, outcomeOf(activityId));
      timed += performance.now() - start;
      steps++;
    }
    return { steps, ms: timed };
  };

  const recovered = async () => {
    let step: StepResult = await runner.start(definition);
    let timed = 0;
    let steps = 0;
    while (!step.completed) {
      const { activityId, executionId } = step.waiting[0]!;
      const start = performance.now();
      step = await runner.signal(definition, step.state, { executionId, outcome: outcomeOf(activityId) });
      timed += performance.now() - start;
      steps++;
    }
    return { steps, ms: timed };
  };

  return {
    engineStepsPerSec: await stepsPerSecond(inMemory, seconds),
    engineRecoverStepsPerSec: await stepsPerSecond(recovered, seconds),
    definitionKb: await definitionKb(xml),
  };
}

/**
 * Heap kept by one parsed process version as the definition caches hold it (src/engine/definitions.ts): 100 versions
 * of the same diagram, each made distinct by a comment, measured after full collections.
 */
async function definitionKb(xml: string): Promise<number> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const kept: ProcessDefinition[] = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 100; i++) kept.push(await parseDefinition(`${xml}<!-- ${i} -->`));
  gc();
  return round1((process.memoryUsage().heapUsed - before) / kept.length / 1024);
}

/** Runs lifecycles for `seconds` after a warm-up of a quarter of that, and returns the timed steps per second. */
async function stepsPerSecond(
  lifecycle: () => Promise<{ steps: number; ms: number }>,
  seconds: number,
): Promise<number> {
  for (const end = performance.now() + seconds * 250; performance.now() < end;) await lifecycle();
  let steps = 0;
  let ms = 0;
  for (const end = performance.now() + seconds * 1000; performance.now() < end;) {
    const run = await lifecycle();
    steps += run.steps;
    ms += run.ms;
  }
  return round1((steps / ms) * 1000);
}
