/** A clock the test moves by hand (STYLE 8: time is injected, tests never sleep). */
export class TestClock {
  private ms: number;

  constructor(start: string) {
    this.ms = Date.parse(start);
    if (Number.isNaN(this.ms)) throw new Error(`bad start time ${start}`);
  }

  readonly now = (): Date => new Date(this.ms);

  set(instant: string): void {
    this.ms = Date.parse(instant);
  }

  advanceHours(hours: number): void {
    this.ms += hours * 3_600_000;
  }
}
