import { Worker, type MessagePort } from 'node:worker_threads';

/**
 * Worker threads that each do one job at a time under a time limit. A job over its limit is stopped with its thread
 * (a thread running synchronous code cannot be interrupted any other way), the thread is replaced, and only that job
 * fails; the jobs queued behind it go on. Threads start on first use, keep the process alive only while they work,
 * and stop after a while without work. Nothing lives only in a thread: every job carries what it needs.
 */
export class BoundedThreads {
  private readonly slots: (Slot | null)[];
  private readonly queue: Job[] = [];

  constructor(
    /** The worker module, as `workerModule(import.meta.url, 'name')` gives it. */
    private readonly module: URL | string,
    count: number,
    private readonly options: { idleMs?: number; heapMb?: number } = {},
  ) {
    this.slots = Array.from({ length: Math.max(1, count) }, () => null);
  }

  /** Runs one job on the first free thread; rejects with JobTimeout when it takes longer than `timeoutMs`. */
  run<T>(request: Record<string, unknown>, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ request, timeoutMs, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** True when every thread has been on its current job for longer than `ms`: none would answer a new one. */
  stalled(ms: number): boolean {
    const now = Date.now();
    return this.slots.every((s) => s?.postedAt !== undefined && now - s.postedAt > ms);
  }

  /** Jobs waiting for a thread, and threads at work. */
  get load(): { queued: number; busy: number; threads: number } {
    return { queued: this.queue.length, busy: this.slots.filter((s) => s?.job).length, threads: this.slots.length };
  }

  async close(): Promise<void> {
    const running = this.slots.filter((s): s is Slot => s !== null);
    this.slots.fill(null);
    for (const job of this.queue.splice(0)) job.reject(new ThreadStopped('the threads were closed'));
    await Promise.all(running.map((s) => s.stop(new ThreadStopped('the threads were closed'))));
  }

  private pump(): void {
    for (let i = 0; i < this.slots.length && this.queue.length; i++) {
      const slot = this.slots[i] ?? (this.slots[i] = this.startSlot(i));
      if (!slot.job) slot.take(this.queue.shift()!);
    }
  }

  private startSlot(index: number): Slot {
    const slot: Slot = new Slot(this.module, this.options, (reason) => {
      if (this.slots[index] !== slot) return; // closed, or already replaced
      // A thread stopped for any reason but idleness is replaced at once, so the next job need not wait for it to start.
      this.slots[index] = reason instanceof Idle ? null : this.startSlot(index);
      this.pump();
    });
    slot.onIdle = () => this.pump();
    return slot;
  }
}

/** A job ran longer than its limit: its thread was stopped. */
export class JobTimeout extends Error {
  override name = 'JobTimeout';
}

/** The thread stopped (it crashed, ran out of memory, or the threads were closed) before the job was done. */
export class ThreadStopped extends Error {
  override name = 'ThreadStopped';
}

/** A thread without work for `idleMs` stops. */
class Idle extends Error {}

/** What a thread answers: the result, or the error's class name, message and the fields a caller needs to rebuild it. */
export type ThreadReply =
  { id: number; result: unknown } | { id: number; error: { name: string; message: string; [field: string]: unknown } };

interface Job {
  request: Record<string, unknown>;
  timeoutMs: number;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/** One worker: it says when its module is loaded, then takes one job at a time. */
class Slot {
  job: Job | null = null;
  /** When the job under way was handed to the worker (undefined while there is none, or the worker is starting). */
  postedAt: number | undefined;
  onIdle: () => void = () => undefined;
  private readonly worker: Worker;
  private ready = false;
  private lastId = 0;
  private timer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private gone = false;

  constructor(
    module: URL | string,
    private readonly options: { idleMs?: number; heapMb?: number },
    private readonly onGone: (reason: Error) => void,
  ) {
    this.worker = startWorker(module, options.heapMb);
    this.worker.unref();
    this.worker.on('message', (reply: ThreadReply | typeof READY) =>
      reply === READY ? this.started() : this.settle(reply),
    );
    this.worker.on('error', (err) => void this.stop(new ThreadStopped(`the thread failed: ${err.message}`)));
    this.worker.on('exit', (code) => void this.stop(new ThreadStopped(`the thread exited (${code})`)));
  }

  take(job: Job): void {
    clearTimeout(this.idleTimer);
    this.job = job;
    this.worker.ref();
    if (this.ready) this.post(job);
  }

  /** The module is loaded: the job waiting for it starts now (its time limit does not count the thread's start). */
  private started(): void {
    this.ready = true;
    if (this.job) this.post(this.job);
  }

  private post(job: Job): void {
    this.postedAt = Date.now();
    this.timer = setTimeout(
      () => void this.stop(new JobTimeout(`the job ran longer than ${job.timeoutMs} ms`)),
      job.timeoutMs,
    );
    this.worker.postMessage({ ...job.request, id: ++this.lastId });
  }

  /** Ends the thread; the job under way, if any, fails with `reason`. */
  async stop(reason: Error): Promise<void> {
    if (this.gone) return;
    this.gone = true;
    clearTimeout(this.timer);
    clearTimeout(this.idleTimer);
    this.job?.reject(reason);
    this.job = null;
    this.onGone(reason);
    await this.worker.terminate();
  }

  private settle(reply: ThreadReply): void {
    const job = this.job;
    if (!job || reply.id !== this.lastId) return;
    clearTimeout(this.timer);
    this.job = null;
    this.postedAt = undefined;
    this.worker.unref();
    if ('result' in reply) job.resolve(reply.result);
    else job.reject(Object.assign(new Error(reply.error.message), reply.error));
    if (this.options.idleMs) {
      this.idleTimer = setTimeout(() => void this.stop(new Idle()), this.options.idleMs);
      this.idleTimer.unref();
    }
    this.onIdle();
  }
}

/** The worker module next to `from` (an `import.meta.url`): `<name>.js` as built, `<name>.ts` under a TypeScript loader. */
export function workerModule(from: string, name: string): URL {
  return new URL(`./${name}${from.endsWith('.ts') ? '.ts' : '.js'}`, from);
}

function startWorker(module: URL | string, heapMb: number | undefined): Worker {
  const resourceLimits = heapMb ? { maxOldGenerationSizeMb: heapMb } : undefined;
  const url = String(module);
  if (!url.endsWith('.ts') || !process.execArgv.some((arg) => arg.includes('tsx')))
    return new Worker(new URL(url), { resourceLimits });
  // tsx, unlike tap's loader, does not carry over into worker threads: the thread registers it first.
  return new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`,
    { eval: true, resourceLimits },
  );
}

/** What a worker posts once its module is loaded and it can take jobs. */
const READY = 'ready';

/** Serves the jobs a BoundedThreads sends, in a worker module: `serveJobs(async (request) => result)`. */
export function serveJobs(
  port: MessagePort | null,
  handle: (request: Record<string, unknown>) => Promise<unknown>,
): void {
  port?.postMessage(READY);
  port?.on('message', (request: Record<string, unknown> & { id: number }) => {
    handle(request).then(
      (result) => port.postMessage({ id: request.id, result } satisfies ThreadReply),
      (err: Error & Record<string, unknown>) =>
        port.postMessage({
          id: request.id,
          error: { ...pick(err), name: err.name, message: err.message },
        } satisfies ThreadReply),
    );
  });
}

/** The fields of an error that cross to the main thread (a domain error's status and code, a finding list). */
function pick(err: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of ['status', 'code', 'details']) if (err[key] !== undefined) fields[key] = err[key];
  return fields;
}
