import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ProcessDefinition } from './definitions.js';
import { EngineFailure, NotWaiting, type Signal, type StepResult, type StepRunner } from './runner.js';
import type { StepAsk, StepReply, StepRequest } from './step-thread.js';

/** One engine thread on each core but the one that serves HTTP and the database; none on a single core. */
export function defaultEngineThreads(): number {
  return Math.min(4, availableParallelism() - 1);
}

/**
 * Runs engine steps on worker threads, so that the engine's CPU work (recover, signal, serialize) uses the other
 * cores while the main thread serves requests and writes steps. Each request carries the definition's XML and the
 * stored state; a thread parses each version once. The threads keep no dossier: nothing lives only there.
 * Threads start on first use, hold the process open only while a step is under way, and are replaced if one dies.
 */
export class EngineThreads implements StepRunner {
  /** A running thread per slot, or null until a step needs one (again). */
  private readonly slots: (EngineThread | null)[];

  constructor(count: number) {
    this.slots = Array.from({ length: count }, () => null);
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

  async close(): Promise<void> {
    const running = this.slots.filter((t): t is EngineThread => t !== null);
    this.slots.fill(null);
    await Promise.all(running.map((t) => t.close()));
  }

  /** The least busy slot takes the step, starting its thread if it has none. */
  private run(request: StepAsk): Promise<StepResult> {
    const slot = this.slots.reduce((best, t, i) => ((t?.busy ?? 0) < (this.slots[best]?.busy ?? 0) ? i : best), 0);
    let thread = this.slots[slot];
    if (!thread) {
      const started = new EngineThread(() => {
        if (this.slots[slot] === started) this.slots[slot] = null;
      });
      thread = this.slots[slot] = started;
    }
    return thread.run(request);
  }
}

/** The thread runs step-thread.js as built, or its TypeScript source under a loader (tests, `tsx`). */
function startThread(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./step-thread.js', import.meta.url));
  const source = new URL('./step-thread.ts', import.meta.url);
  if (!process.execArgv.some((arg) => arg.includes('tsx'))) return new Worker(source);
  // tsx, unlike tap's loader, does not carry over into worker threads: the thread registers it first.
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`, { eval: true });
}

/** One worker and the steps it has under way. */
class EngineThread {
  private readonly worker = startThread();
  private readonly pending = new Map<number, { resolve: (r: StepResult) => void; reject: (e: Error) => void }>();
  private lastId = 0;

  constructor(private readonly gone: () => void) {
    this.worker.unref();
    this.worker.on('message', (reply: StepReply) => this.settle(reply));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`the engine thread exited (${code})`)));
  }

  get busy(): number {
    return this.pending.size;
  }

  run(request: StepAsk): Promise<StepResult> {
    if (!this.pending.size) this.worker.ref();
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id } satisfies StepRequest);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private settle(reply: StepReply): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (!this.pending.size) this.worker.unref();
    if ('result' in reply) waiting?.resolve(reply.result);
    else waiting?.reject(rebuild(reply.error));
  }

  /** A thread that died takes its steps with it: they fail (nothing was written) and the next step starts another. */
  private fail(err: Error): void {
    this.gone();
    for (const { reject } of this.pending.values()) reject(err);
    this.pending.clear();
  }
}

/** The engine's own errors keep their class across the thread boundary: the dossier rooms tell them apart. */
function rebuild({ name, message }: { name: string; message: string }): Error {
  if (name === 'NotWaiting') return new NotWaiting(message);
  if (name === 'EngineFailure') return new EngineFailure(message);
  return new Error(message);
}
