import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { HUMAN_TASK_TYPES, type ProcessDefinition } from './definitions.js';
import { recordOutcome } from './outcome.js';
import { noScripts } from './sandbox.js';
import { ScheduledTimers, type ArmedTimerInfo } from './timers.js';
import { createServices, type ServiceRegistry } from './services.js';

/** An engine event worth keeping in a dossier's history. */
export interface EngineEvent {
  type: (typeof RECORDED)[number];
  elementId: string;
  elementType: string;
}

export interface WaitingTask {
  activityId: string;
  executionId: string;
}

/** What one step (start, or signal and run to the next wait) produced. */
export interface Step {
  events: EngineEvent[];
  /** Human tasks the process now waits on. */
  waiting: WaitingTask[];
  /** BPMN timers the step armed, for the scheduler to fire when due. */
  timers: ArmedTimerInfo[];
  /** The process reached its end. */
  completed: boolean;
}

/** A step of a stored process: the step and the engine state to store. */
export interface StepResult extends Step {
  /** Engine state, without the embedded definition (it is recovered from the version's XML). */
  state: string;
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

/** The steps of stored processes, as the dossier rooms ask for them: here, or on an engine thread (threads.ts). */
export interface StepRunner {
  start(definition: ProcessDefinition): Promise<StepResult>;
  signal(definition: ProcessDefinition, state: string, signal: Signal): Promise<StepResult>;
  fireTimer(definition: ProcessDefinition, state: string, executionId: string): Promise<StepResult>;
}

const RECORDED = ['activity.start', 'activity.wait', 'activity.timer', 'activity.timeout', 'activity.end', 'flow.take'] as const;

/** Runs process versions in bpmn-engine, one step at a time, from and to serialized state. */
export class ProcessRunner implements StepRunner {
  constructor(private readonly services: ServiceRegistry = createServices()) {}

  /** Starts a process and runs it to its first wait. */
  async start(definition: ProcessDefinition): Promise<StepResult> {
    const { engine, recorder } = this.engineFor(definition);
    await engine.execute({ listener: recorder.listener });
    return withState(engine, recorder.step(engine));
  }

  /** Recovers a stored state, signals one waiting task and runs to the next wait. */
  async signal(definition: ProcessDefinition, state: string, signal: Signal): Promise<StepResult> {
    const { engine, recorder } = await this.recover(definition, state);
    if (!waitingTasks(engine).some((t) => t.executionId === signal.executionId)) {
      throw new NotWaiting(`the process is not waiting on execution ${signal.executionId}`);
    }
    engine.execution.signal({ executionId: signal.executionId, outcome: signal.outcome ?? null });
    return withState(engine, recorder.step(engine));
  }

  /** Recovers a stored state, fires one of its BPMN timers (the scheduler found it due) and runs to the next wait. */
  async fireTimer(definition: ProcessDefinition, state: string, executionId: string): Promise<StepResult> {
    const { engine, recorder } = await this.recover(definition, state);
    if (!recorder.timers.fire((owner) => owner.executionId === executionId)) {
      throw new NotWaiting(`the process has no timer ${executionId} armed`);
    }
    return withState(engine, recorder.step(engine));
  }

  /**
   * A run kept in memory from start to end, signalled by activity id: how a recorded history is replayed
   * (the execution ids of the original run are random and cannot be reproduced).
   */
  async live(definition: ProcessDefinition): Promise<LiveRun> {
    const { engine, recorder } = this.engineFor(definition);
    await engine.execute({ listener: recorder.listener });
    return new LiveRun(engine, recorder, recorder.step(engine));
  }

  private async recover(definition: ProcessDefinition, state: string): Promise<{ engine: Engine; recorder: Recorder }> {
    const { engine, recorder } = this.engineFor(definition);
    engine.recover(JSON.parse(state));
    await engine.resume({ listener: recorder.listener });
    recorder.step(engine); // resuming re-emits the current waits and re-arms the timers; they are not new
    return { engine, recorder };
  }

  private engineFor(definition: ProcessDefinition): { engine: Engine; recorder: Recorder } {
    const timers = new ScheduledTimers();
    const engine = new Engine({
      name: definition.processId,
      sourceContext: definition.context,
      scripts: noScripts,
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
    this.engine.execution.signal({ executionId: task.executionId, outcome });
    return this.recorder.step(this.engine);
  }

  /** Fires the armed timer of an element and runs to the next wait. */
  fireTimer(activityId: string): Step {
    if (!this.recorder.timers.fire((owner) => owner.id === activityId)) throw new NotWaiting(`no timer armed at ${activityId}`);
    return this.recorder.step(this.engine);
  }
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
      this.listener.on(type, (api: { id: string; type: string }) => this.events.push({ type, elementId: api.id, elementType: api.type }));
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
