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
  private readonly threads: EngineThread[];

  constructor(count: number) {
    this.threads = Array.from({ length: count }, () => new EngineThread());
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
    await Promise.all(this.threads.map((t) => t.close()));
  }

  /** The least busy thread takes the step. */
  private run(request: StepAsk): Promise<StepResult> {
    const thread = this.threads.reduce((best, t) => (t.busy < best.busy ? t : best));
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

class EngineThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (r: StepResult) => void; reject: (e: Error) => void }>();
  private lastId = 0;

  get busy(): number {
    return this.pending.size;
  }

  run(request: StepAsk): Promise<StepResult> {
    const worker = (this.worker ??= this.spawn());
    if (!this.pending.size) worker.ref();
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } satisfies StepRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private spawn(): Worker {
    const worker = startThread();
    worker.unref();
    worker.on('message', (reply: StepReply) => this.settle(worker, reply));
    worker.on('error', (err) => this.fail(worker, err));
    worker.on('exit', (code) => this.fail(worker, new Error(`the engine thread exited (${code})`)));
    return worker;
  }

  private settle(worker: Worker, reply: StepReply): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (!this.pending.size) worker.unref();
    if ('result' in reply) waiting?.resolve(reply.result);
    else waiting?.reject(rebuild(reply.error));
  }

  /** A thread that died takes its steps with it: they fail (nothing was written) and the next step starts a new one. */
  private fail(worker: Worker, err: Error): void {
    if (this.worker === worker) this.worker = null;
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
