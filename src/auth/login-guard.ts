/**
 * Counts failed logins per client address, whatever the accounts tried, so that one password tried across many
 * accounts from one address is stopped as one account's guesses are (per node, in memory, like the per-account limit).
 */
export class LoginGuard {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly maxFailures = 20,
    private readonly windowMs = 15 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Seconds until the address may try again, or 0 when it may now. */
  waitSeconds(address: string): number {
    const entry = this.current(address);
    return entry && entry.count >= this.maxFailures ? Math.ceil((entry.until - this.clock()) / 1000) : 0;
  }

  failed(address: string): void {
    const entry = this.current(address) ?? { count: 0, until: this.clock() + this.windowMs };
    entry.count++;
    this.failures.set(address, entry);
    if (this.failures.size > 100_000) this.forgetExpired();
  }

  private current(address: string) {
    const entry = this.failures.get(address);
    if (entry && entry.until <= this.clock()) this.failures.delete(address);
    return this.failures.get(address);
  }

  private forgetExpired(): void {
    for (const address of [...this.failures.keys()]) this.current(address);
  }
}
