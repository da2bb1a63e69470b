import type { Job, JobQueue } from './jobs.js';
import { Poller } from './poller.js';

export type JobHandler = (job: Job) => Promise<void>;

interface Logger {
  error(obj: object, msg: string): void;
}

const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 6;

/**
 * Runs due jobs. Handlers are idempotent checks ("is this still due, was it done?") whose effects are guarded in the
 * database, so that a job re-run after a crash or raced by another node changes nothing twice. Time comes from the
 * injected clock; tests call `runDue()` after moving it.
 */
export class Scheduler {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly poller = new Poller(
    () => this.runDue(),
    (err) => this.log.error({ err }, 'scheduler tick failed'),
  );

  constructor(
    private readonly queue: JobQueue,
    private readonly clock: () => Date,
    private readonly log: Logger = { error: () => undefined },
  ) {}

  handle(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Runs every job due now; returns how many ran. */
  async runDue(): Promise<number> {
    let ran = 0;
    for (let batch = await this.claim(); batch.length; batch = await this.claim()) {
      for (const job of batch) {
        await this.run(job);
        ran++;
      }
    }
    return ran;
  }

  /** Polls for due jobs every `intervalMs` until stopped. */
  start(intervalMs: number): void {
    this.poller.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  private claim(): Promise<Job[]> {
    return this.queue.claimDue(this.clock(), 50, LEASE_MS);
  }

  private async run(job: Job): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for jobs of kind ${job.kind}`);
      await handler(job);
      await this.queue.done(job.id, this.clock());
    } catch (err) {
      this.log.error({ err, job: job.id, kind: job.kind }, 'job failed');
      const retry = job.attempts < MAX_ATTEMPTS ? new Date(this.clock().getTime() + 60_000 * 2 ** job.attempts) : null;
      await this.queue.failed(job.id, err instanceof Error ? err.message : String(err), retry);
    }
  }
}
