import { Poller } from '../scheduler/poller.js';
import type { Outbox } from './outbox.js';
import type { Transport } from './transports.js';

const MAX_ATTEMPTS = 8;
/** How long one attempt holds a message: longer than any transport's bounded waits add up to. */
const LEASE_MS = 10 * 60_000;

/**
 * Sends what the outbox holds, through the first transport that serves each channel; retries with back-off. Each
 * message is claimed before its attempt, so nodes sharing a database never send it at once.
 */
export class Deliverer {
  private readonly poller = new Poller(() => this.deliverDue());

  constructor(
    private readonly outbox: Outbox,
    private readonly transports: readonly Transport[],
    private readonly clock: () => Date,
  ) {}

  /** Attempts every message due now; returns how many were sent. */
  async deliverDue(): Promise<number> {
    let sent = 0;
    for (const message of await this.outbox.due(this.clock(), 100)) {
      const transport = this.transports.find((t) => t.channels.includes(message.channel));
      const now = this.clock();
      if (!(await this.outbox.claim(message.id, now, new Date(now.getTime() + LEASE_MS)))) continue;
      try {
        if (!transport) throw new Error(`no transport for ${message.channel}`);
        await transport.send(message);
        if (await this.outbox.sent(message.id, this.clock())) sent++;
      } catch (err) {
        const attempt = message.attempts + 1;
        const retryAt = attempt < MAX_ATTEMPTS ? new Date(this.clock().getTime() + 60_000 * 2 ** attempt) : null;
        await this.outbox.failed(message.id, err instanceof Error ? err.message : String(err), retryAt);
      }
    }
    return sent;
  }

  start(intervalMs: number): void {
    this.poller.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }
}
