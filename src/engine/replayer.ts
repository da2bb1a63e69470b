import type { ExecutableDefinition } from './definitions.js';
import type { LiveRun, ProcessRunner } from './runner.js';
import { EngineFailure, NotWaiting, type ReplayCause, type ReplayRun, type Step } from './steps.js';

/**
 * Repeats a history's causes on one run kept in memory, signalled by activity id (the execution ids of the original
 * run are random and cannot be reproduced). Stops at the first cause the diagram cannot repeat.
 */
export async function replayCauses(
  runner: ProcessRunner,
  definitionOf: (sha256: string) => Promise<ExecutableDefinition>,
  causes: readonly ReplayCause[],
): Promise<ReplayRun> {
  const steps: Step[] = [];
  let run: LiveRun | undefined;
  for (const [index, cause] of causes.entries()) {
    try {
      let step: Step;
      ({ run, step } = await repeat(runner, definitionOf, cause, run));
      steps.push(step);
    } catch (err) {
      if (!(err instanceof NotWaiting || err instanceof EngineFailure)) throw err;
      return { steps, failure: { index, name: err.name, message: err.message } };
    }
  }
  return { steps, failure: null };
}

async function repeat(
  runner: ProcessRunner,
  definitionOf: (sha256: string) => Promise<ExecutableDefinition>,
  cause: ReplayCause,
  run: LiveRun | undefined,
): Promise<{ run: LiveRun; step: Step }> {
  if (cause.kind === 'start') {
    const started = await runner.live(await definitionOf(cause.sha256));
    return { run: started, step: started.first };
  }
  if (cause.kind === 'drive') {
    const driven = await runner.live(await definitionOf(cause.sha256));
    const events = [...driven.first.events];
    let last = driven.first;
    for (const hop of cause.path) {
      last = driven.signal(hop.activityId, hop.outcome);
      events.push(...last.events);
    }
    return { run: driven, step: { ...last, events } };
  }
  if (!run) throw new NotWaiting('the process has not started');
  return {
    run,
    step: cause.kind === 'timer' ? run.fireTimer(cause.activityId) : run.signal(cause.activityId, cause.outcome),
  };
}
