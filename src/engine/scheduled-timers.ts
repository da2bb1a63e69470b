import { TimerEventDefinition } from 'bpmn-elements';

/**
 * BPMN timer events are owned by the durable scheduler, not by this process. The engine hands each timer it arms to
 * `ScheduledTimers`, which records it and arms nothing; the step reports it, a job is stored for its due time, and
 * when the job runs the timer is fired by `fire()` on a recovered engine.
 */

interface TimerOwner {
  id: string;
  executionId: string;
}

interface ArmedTimer {
  owner: TimerOwner;
  delay: number;
  fire: () => void;
}

/** A timer the engine armed: the element it belongs to, its execution, and its delay from now in milliseconds. */
export interface ArmedTimerInfo {
  activityId: string;
  executionId: string;
  delayMs: number;
}

/** The `timers` the engine is given: it arms nothing, it remembers. Implements what bpmn-elements uses of its Timers. */
export class ScheduledTimers {
  private readonly armed = new Map<object, ArmedTimer>();

  /** References of the timers armed and not yet fired or cleared (the engine clears them when it stops). */
  get executing(): object[] {
    return [...this.armed.keys()];
  }

  register(owner: TimerOwner) {
    return {
      setTimeout: (callback: (...args: unknown[]) => void, delay: number, ...args: unknown[]) =>
        this.arm(owner, callback, delay, args),
      clearTimeout: (ref: object) => this.clearTimeout(ref),
    };
  }

  setTimeout(callback: (...args: unknown[]) => void, delay: number, ...args: unknown[]): object {
    return this.arm({ id: '', executionId: '' }, callback, delay, args);
  }

  clearTimeout(ref: object): void {
    this.armed.delete(ref);
  }

  /** Timers armed and neither fired nor cleared. */
  list(): ArmedTimerInfo[] {
    return [...this.armed.values()].map((t) => ({
      activityId: t.owner.id,
      executionId: t.owner.executionId,
      delayMs: t.delay,
    }));
  }

  /** Fires the first armed timer whose owner matches; false when there is none (it was cancelled or fired). */
  fire(match: (owner: TimerOwner) => boolean): boolean {
    for (const [ref, timer] of this.armed) {
      if (!match(timer.owner)) continue;
      this.armed.delete(ref);
      timer.fire();
      return true;
    }
    return false;
  }

  private arm(owner: TimerOwner, callback: (...args: unknown[]) => void, delay: number, args: unknown[]): object {
    const ref = {};
    this.armed.set(ref, { owner, delay, fire: () => callback(...args) });
    return ref;
  }
}

/**
 * A timer event definition that never fires by itself: bpmn-elements completes a timer at once when its due time
 * has passed by the machine's clock (on resume after a restart, say); here it is always armed, and the scheduler
 * fires it, so that every timer firing is a recorded step of its own.
 */
export function DurableTimerEventDefinition(this: unknown, activity: unknown, eventDefinition: unknown) {
  (TimerEventDefinition as unknown as (this: unknown, a: unknown, e: unknown) => void).call(
    this,
    activity,
    eventDefinition,
  );
}
DurableTimerEventDefinition.prototype = Object.create(TimerEventDefinition.prototype);
DurableTimerEventDefinition.prototype.constructor = DurableTimerEventDefinition;
DurableTimerEventDefinition.prototype._getTimers = function getTimers(
  this: { constructor: unknown },
  executeMessage: unknown,
) {
  const result = (
    TimerEventDefinition.prototype as unknown as { _getTimers(m: unknown): { timeout?: number } }
  )._getTimers.call(this, executeMessage);
  if (result.timeout !== undefined && result.timeout <= 0) result.timeout = 1;
  return result;
};
