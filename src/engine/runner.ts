import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { HUMAN_TASK_TYPES, type ExecutableDefinition } from './definitions.js';
import { recordOutcome } from './outcome.js';
import { cityExpressions } from './expressions.js';
import { noScripts } from './sandbox.js';
import {
  EngineFailure,
  NotWaiting,
  RECORDED,
  type EngineEvent,
  type Signal,
  type Step,
  type StepResult,
  type WaitingTask,
} from './steps.js';
import { ScheduledTimers } from './scheduled-timers.js';
import { createServices, type ServiceRegistry } from './services.js';

/** Runs process versions in bpmn-engine, one step at a time, from and to serialized state (on an engine thread). */
export class ProcessRunner {
  constructor(private readonly services: ServiceRegistry = createServices()) {}

  /** Starts a process and runs it to its first wait. */
  async start(definition: ExecutableDefinition): Promise<StepResult> {
    return inEngine(async () => {
      const { engine, recorder } = this.engineFor(definition);
      await engine.execute({ listener: recorder.listener });
      return withState(engine, recorder.step(engine));
    });
  }

  /** Recovers a stored state, signals one waiting task and runs to the next wait. */
  async signal(definition: ExecutableDefinition, state: string, signal: Signal): Promise<StepResult> {
    return inEngine(async () => {
      const { engine, recorder } = await this.recover(definition, state);
      if (!waitingTasks(engine).some((t) => t.executionId === signal.executionId)) {
        throw new NotWaiting(`the process is not waiting on execution ${signal.executionId}`);
      }
      engine.execution.signal({ executionId: signal.executionId, outcome: signal.outcome ?? null });
      return withState(engine, recorder.step(engine));
    });
  }

  /** Recovers a stored state, fires one of its BPMN timers (the scheduler found it due) and runs to the next wait. */
  async fireTimer(definition: ExecutableDefinition, state: string, executionId: string): Promise<StepResult> {
    return inEngine(async () => {
      const { engine, recorder } = await this.recover(definition, state);
      if (!recorder.timers.fire((owner) => owner.executionId === executionId)) {
        throw new NotWaiting(`the process has no timer ${executionId} armed`);
      }
      return withState(engine, recorder.step(engine));
    });
  }

  /**
   * A run kept in memory from start to end, signalled by activity id: how a recorded history is replayed
   * (the execution ids of the original run are random and cannot be reproduced).
   */
  async live(definition: ExecutableDefinition): Promise<LiveRun> {
    return inEngine(async () => {
      const { engine, recorder } = this.engineFor(definition);
      await engine.execute({ listener: recorder.listener });
      return new LiveRun(engine, recorder, recorder.step(engine));
    });
  }

  private async recover(
    definition: ExecutableDefinition,
    state: string,
  ): Promise<{ engine: Engine; recorder: Recorder }> {
    const { engine, recorder } = this.engineFor(definition);
    engine.recover(JSON.parse(state));
    await engine.resume({ listener: recorder.listener });
    recorder.step(engine); // resuming re-emits the current waits and re-arms the timers; they are not new
    return { engine, recorder };
  }

  private engineFor(definition: ExecutableDefinition): { engine: Engine; recorder: Recorder } {
    const timers = new ScheduledTimers();
    const engine = new Engine({
      name: definition.processId,
      sourceContext: definition.context,
      scripts: noScripts,
      expressions: cityExpressions as never,
      services: this.services,
      extensions: { recordOutcome: recordOutcome as never },
      timers: timers as never,
    });
    return { engine, recorder: new Recorder(engine, timers) };
  }
}

export class LiveRun {
  constructor(
    private readonly engine: Engine,
    private readonly recorder: Recorder,
    /** The step that started the run. */
    readonly first: Step,
  ) {}

  /** Completes the first waiting task of the activity with the outcome and runs to the next wait. */
  signal(activityId: string, outcome: string | null): Step {
    const task = waitingTasks(this.engine).find((t) => t.activityId === activityId);
    if (!task) throw new NotWaiting(`the process is not waiting at activity ${activityId}`);
    return inEngineSync(() => {
      this.engine.execution.signal({ executionId: task.executionId, outcome });
      return this.recorder.step(this.engine);
    });
  }

  /** Fires the armed timer of an element and runs to the next wait. */
  fireTimer(activityId: string): Step {
    return inEngineSync(() => {
      if (!this.recorder.timers.fire((owner) => owner.id === activityId))
        throw new NotWaiting(`no timer armed at ${activityId}`);
      return this.recorder.step(this.engine);
    });
  }
}

/**
 * Whatever the engine throws during a step (an expression the city's grammar refuses, an element that cannot run) is
 * the diagram's failure, told apart from a lost race (NotWaiting).
 */
async function inEngine<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw asEngineFailure(err);
  }
}

function inEngineSync<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    throw asEngineFailure(err);
  }
}

function asEngineFailure(err: unknown): Error {
  if (err instanceof NotWaiting || err instanceof EngineFailure) return err;
  return new EngineFailure(err instanceof Error ? err.message : String(err));
}

async function withState(engine: Engine, step: Step): Promise<StepResult> {
  const state = await engine.getState();
  for (const definition of state.definitions) delete (definition as { source?: unknown }).source;
  return { ...step, state: JSON.stringify(state) };
}

/** Collects the events of a run, one step at a time. */
class Recorder {
  readonly listener = new EventEmitter();
  private events: EngineEvent[] = [];
  private error: Error | undefined;
  private ended = false;
  private readonly reported = new Set<string>();

  constructor(
    engine: Engine,
    readonly timers: ScheduledTimers,
  ) {
    for (const type of RECORDED) {
      this.listener.on(type, (api: { id: string; type: string }) =>
        this.events.push({ type, elementId: api.id, elementType: api.type }),
      );
    }
    engine.once('end', () => void (this.ended = true));
    engine.once('error', (err: Error) => void (this.error = err));
  }

  /** The events since the last step, and where the run now stands. */
  step(engine: Engine): Step {
    if (this.error) throw new EngineFailure(this.error.message);
    if (!this.ended && engine.activityStatus === 'executing') {
      throw new EngineFailure('the process did not reach a wait state synchronously');
    }
    const events = this.events;
    this.events = [];
    const timers = this.timers.list().filter((t) => !this.reported.has(t.executionId));
    timers.forEach((t) => this.reported.add(t.executionId));
    return { events, waiting: this.ended ? [] : waitingTasks(engine), timers, completed: this.ended };
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
