import { availableParallelism } from 'node:os';
import { BoundedThreads, JobTimeout, workerModule } from './bounded-threads.js';
import { InvalidDefinition, type ProcessDefinition } from './definitions.js';
import type { EngineJob } from './step-thread.js';
import {
  EngineFailure,
  NotWaiting,
  StepTimeout,
  type ReplayCause,
  type ReplayRun,
  type Replayer,
  type Signal,
  type StepResult,
  type StepRunner,
} from './steps.js';

/** One engine thread on each core but the one that serves HTTP and the database, at least one, at most four. */
export function defaultEngineThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** How long one engine step may take before its thread is stopped (ENGINE_STEP_TIMEOUT_MS). */
export const DEFAULT_STEP_TIMEOUT_MS = 10_000;

export interface EngineOptions {
  threads: number;
  /** The time limit of one step; a replay may take this long per step it repeats. */
  stepTimeoutMs: number;
  /** Threads of its own (closed by `close`) instead of the process's shared ones. */
  own?: boolean;
}

/**
 * bpmn-engine runs only here, on worker threads: never on the main thread, which serves everyone. Each job carries the
 * version's XML (a thread parses each version once) and the stored state; threads keep no dossier. A step over its
 * time limit is stopped with its thread (StepTimeout), which is replaced; the other steps go on.
 * Threads are shared by every system of the process (tests open many), each job with its system's time limit.
 */
export class EngineThreads implements StepRunner, Replayer {
  private readonly threads: BoundedThreads;

  constructor(private readonly options: EngineOptions) {
    this.threads = options.own ? startThreads(options.threads) : shared(options.threads);
  }

  /** Stops the threads, if they are this instance's own; shared ones stop with the process. */
  async close(): Promise<void> {
    if (this.options.own) await this.threads.close();
  }

  start(definition: ProcessDefinition): Promise<StepResult> {
    return this.run({ op: 'start', sha256: definition.sha256, xml: definition.xml });
  }

  signal(definition: ProcessDefinition, state: string, signal: Signal): Promise<StepResult> {
    return this.run({ op: 'signal', sha256: definition.sha256, xml: definition.xml, state, signal });
  }

  fireTimer(definition: ProcessDefinition, state: string, executionId: string): Promise<StepResult> {
    return this.run({ op: 'fireTimer', sha256: definition.sha256, xml: definition.xml, state, executionId });
  }

  /** What the dossier rooms read of a version, parsed on a thread; InvalidDefinition when nothing can run. */
  outline(xml: string, sha256: string): Promise<ProcessDefinition> {
    return this.run({ op: 'outline', sha256, xml });
  }

  replay(xmlByHash: Record<string, string>, causes: ReplayCause[]): Promise<ReplayRun> {
    return this.run({ op: 'replay', xmlByHash, causes }, Math.max(1, causes.length));
  }

  /** True when every engine thread has been held by one step for longer than `ms` (`/api/health`). */
  stalled(ms: number): boolean {
    return this.threads.stalled(ms);
  }

  private run<T>(job: EngineJob, steps = 1): Promise<T> {
    return this.threads
      .run<T>(job as Record<string, unknown>, this.options.stepTimeoutMs * steps)
      .catch((err: Error) => {
        throw rebuild(err);
      });
  }
}

const pools = new Map<number, BoundedThreads>();

function shared(count: number): BoundedThreads {
  let pool = pools.get(count);
  if (!pool) pools.set(count, (pool = startThreads(count)));
  return pool;
}

// A thread that runs out of memory fails its step alone (the heap limit makes it an error, not the process's end).
const startThreads = (count: number) =>
  new BoundedThreads(workerModule(import.meta.url, 'step-thread'), count, { heapMb: 1024 });

/** The engine's own errors keep their class across the thread boundary: the dossier rooms tell them apart. */
function rebuild(err: Error): Error {
  if (err instanceof JobTimeout) return new StepTimeout(err.message);
  if (err.name === 'NotWaiting') return new NotWaiting(err.message);
  if (err.name === 'InvalidDefinition') return new InvalidDefinition(err.message);
  if (err.name === 'EngineFailure' || err.name === 'ThreadStopped') return new EngineFailure(err.message);
  return err;
}
