/**
 * The time budget and cancellation, checked cheaply from inside every loop
 * of the engine that can grow with the model. Reading the clock on every
 * step of a BDD apply would cost more than the step, so callers report
 * work with `step(cost)` and the clock and `isCancelled` are read only once
 * per ~1,024 units of work.
 *
 * Deep code (a recursive apply, a dominator walk) cannot return a status
 * through every frame, so running out throws `Interrupted`; the engine's
 * stage boundaries catch it and turn it into a fallback with a reason, or
 * a cancelled (partial) result. It never escapes `computeAvailability`.
 */

export type StopReason = 'cancelled' | 'deadline';

/** Thrown by `Budget.step`/`check` when the work must stop. */
export class Interrupted extends Error {
  constructor(readonly why: StopReason) {
    super(why === 'cancelled' ? 'cancelled' : 'time budget spent');
  }
}

/** Units of work between two reads of the clock. */
const CHECK_EVERY = 1024;

export class Budget {
  private pending = 0;

  /**
   * @param deadline `Date.now()` value after which the work stops.
   * @param isCancelled read at the same moments as the clock.
   */
  constructor(
    readonly deadline: number,
    readonly isCancelled: () => boolean = () => false,
  ) {}

  /** Records `cost` units of work; throws `Interrupted` when a check finds the budget spent. */
  step(cost = 1): void {
    this.pending += cost;
    if (this.pending >= CHECK_EVERY) {
      this.pending = 0;
      this.check();
    }
  }

  /** Reads the clock and the cancellation now; throws `Interrupted` when the work must stop. */
  check(): void {
    const why = this.stopReason();
    if (why) throw new Interrupted(why);
  }

  /** The same test without throwing, for loops that can stop on their own. */
  stopReason(): StopReason | undefined {
    if (this.isCancelled()) return 'cancelled';
    if (Date.now() > this.deadline) return 'deadline';
    return undefined;
  }
}

/** A budget that never runs out, for callers (and tests) that do not need one. */
export function unlimited(): Budget {
  return new Budget(Number.POSITIVE_INFINITY);
}
