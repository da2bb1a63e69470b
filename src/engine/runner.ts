import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { HUMAN_TASK_TYPES, type ProcessDefinition } from './definitions.js';
import { recordOutcome } from './outcome.js';
import { inertTimers, noScripts } from './sandbox.js';
import { createServices, type ServiceRegistry } from './services.js';

/** An engine event worth keeping in a dossier's history. */
export interface EngineEvent {
  type: 'activity.start' | 'activity.wait' | 'activity.end' | 'flow.take';
  elementId: string;
  elementType: string;
}

export interface WaitingTask {
  activityId: string;
  executionId: string;
}

/** What one step (start, or signal and run to the next wait) produced. */
export interface StepResult {
  /** Engine state to store, without the embedded definition (it is recovered from the version's XML). */
  state: string;
  events: EngineEvent[];
  /** Human tasks the process now waits on. */
  waiting: WaitingTask[];
  /** The process reached its end. */
  completed: boolean;
}

export interface Signal {
  executionId: string;
  outcome?: string | null | undefined;
}

/** The diagram could not run the step (a gateway with no flow to take, an unsupported element…). */
export class EngineFailure extends Error {
  override name = 'EngineFailure';
}

/** The stored state no longer waits on the signalled task: another step took it first. */
export class NotWaiting extends Error {
  override name = 'NotWaiting';
}

const RECORDED = ['activity.start', 'activity.wait', 'activity.end', 'flow.take'] as const;

/** Runs process versions in bpmn-engine, one step at a time, from and to serialized state. */
export class ProcessRunner {
  constructor(private readonly services: ServiceRegistry = createServices()) {}

  /** Starts a process and runs it to its first wait. */
  async start(definition: ProcessDefinition, variables: Record<string, unknown> = {}): Promise<StepResult> {
    const engine = this.engineFor(definition);
    const recorder = new Recorder(engine);
    await engine.execute({ listener: recorder.listener, variables });
    return recorder.finish(engine);
  }

  /** Recovers a stored state, signals one waiting task and runs to the next wait. */
  async signal(definition: ProcessDefinition, state: string, signal: Signal): Promise<StepResult> {
    const engine = this.engineFor(definition);
    engine.recover(JSON.parse(state));
    const recorder = new Recorder(engine);
    recorder.paused = true; // resuming re-emits the current waits; they are not new events
    await engine.resume({ listener: recorder.listener });
    const waiting = waitingTasks(engine);
    if (!waiting.some((t) => t.executionId === signal.executionId)) {
      throw new NotWaiting(`the process is not waiting on execution ${signal.executionId}`);
    }
    recorder.paused = false;
    engine.execution.signal({ executionId: signal.executionId, outcome: signal.outcome ?? null });
    return recorder.finish(engine);
  }

  private engineFor(definition: ProcessDefinition): Engine {
    return new Engine({
      name: definition.processId,
      sourceContext: definition.context,
      scripts: noScripts,
      services: this.services,
      extensions: { recordOutcome: recordOutcome as never },
      timers: inertTimers(),
    });
  }
}

/** Collects the events of one run and the outcome of the run. */
class Recorder {
  readonly listener = new EventEmitter();
  readonly events: EngineEvent[] = [];
  paused = false;
  private error: Error | undefined;
  private ended = false;

  constructor(engine: Engine) {
    for (const type of RECORDED) {
      this.listener.on(type, (api: { id: string; type: string }) => {
        if (!this.paused) this.events.push({ type, elementId: api.id, elementType: api.type });
      });
    }
    engine.once('end', () => void (this.ended = true));
    engine.once('error', (err: Error) => void (this.error = err));
  }

  async finish(engine: Engine): Promise<StepResult> {
    if (this.error) throw new EngineFailure(this.error.message);
    if (!this.ended && engine.activityStatus === 'executing') {
      throw new EngineFailure('the process did not reach a wait state synchronously');
    }
    const state = await engine.getState();
    for (const definition of state.definitions) delete (definition as { source?: unknown }).source;
    return {
      state: JSON.stringify(state),
      events: this.events,
      waiting: this.ended ? [] : waitingTasks(engine),
      completed: this.ended,
    };
  }
}

interface PostponedApi {
  id: string;
  type: string;
  executionId: string;
  getPostponed?: () => PostponedApi[];
}

function waitingTasks(engine: Engine): WaitingTask[] {
  const result: WaitingTask[] = [];
  const visit = (apis: PostponedApi[]): void => {
    for (const api of apis) {
      if (HUMAN_TASK_TYPES.has(api.type)) result.push({ activityId: api.id, executionId: api.executionId });
      else if (api.type === 'bpmn:SubProcess' && api.getPostponed) visit(api.getPostponed());
    }
  };
  visit((engine.execution?.getPostponed() ?? []) as unknown as PostponedApi[]);
  return result;
}
