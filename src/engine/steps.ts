import type { ProcessDefinition } from './definitions.js';
import type { ArmedTimerInfo } from './scheduled-timers.js';

/** The engine events kept in a dossier's history. */
export const RECORDED = [
  'activity.start',
  'activity.wait',
  'activity.timer',
  'activity.timeout',
  'activity.end',
  'flow.take',
] as const;

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

/** The step ran longer than its time limit: its engine thread was stopped and replaced, nothing was written. */
export class StepTimeout extends EngineFailure {
  override name = 'StepTimeout';
}

/** The steps of stored processes, as the dossier rooms ask for them; they run on engine threads (threads.ts). */
export interface StepRunner {
  start(definition: ProcessDefinition): Promise<StepResult>;
  signal(definition: ProcessDefinition, state: string, signal: Signal): Promise<StepResult>;
  fireTimer(definition: ProcessDefinition, state: string, executionId: string): Promise<StepResult>;
}

/** One recorded cause of a dossier's history, as replay repeats it on a run kept in memory. */
export type ReplayCause =
  | { kind: 'start'; sha256: string }
  | { kind: 'signal'; activityId: string; outcome: string | null }
  | { kind: 'timer'; activityId: string }
  /** A move to another version or the import of a dossier in progress: that version started and driven along a route. */
  | { kind: 'drive'; sha256: string; path: { activityId: string; outcome: string | null }[] };

/** What a replay gave: one step per cause, up to the cause that could not be repeated. */
export interface ReplayRun {
  steps: Step[];
  failure: { index: number; name: string; message: string } | null;
}

/** Replays a history's causes on the diagrams they ran on (by content hash). */
export interface Replayer {
  replay(xmlByHash: Record<string, string>, causes: ReplayCause[]): Promise<ReplayRun>;
}
