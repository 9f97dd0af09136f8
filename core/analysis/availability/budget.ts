/**
 * The work budget and cancellation, checked cheaply from inside every loop
 * of the engine that can grow with the model. Callers report work with
 * `step(cost)` in units (a diagram node visited, a BDD apply step, a
 * sampled component); the budget stops the work when the units run out.
 *
 * Units, not time, decide a figure: whether a model is evaluated exactly or
 * estimated, and how many samples an estimate draws, depend only on the
 * model, so `sysd check` gives the same bytes on an idle and on a loaded
 * machine (docs/language.md §6). Only the editor adds a wall-clock
 * `deadline` on top, so that a hard model never keeps it waiting; a figure
 * cut by that deadline says so. The clock and `isCancelled` are read only
 * once per ~1,024 units, since reading them on every step of a BDD apply
 * would cost more than the step.
 *
 * Deep code (a recursive apply, a dominator walk) cannot return a status
 * through every frame, so running out throws `Interrupted`; the engine's
 * stage boundaries catch it and turn it into a fallback with a reason, or
 * a cancelled (partial) result. It never escapes `computeAvailability`.
 */

/** `spent`: the units ran out; `deadline`: the editor's wall-clock limit passed; `cancelled`: a newer edit. */
export type StopReason = 'cancelled' | 'spent' | 'deadline';

/** Thrown by `Budget.step`/`check` when the work must stop. */
export class Interrupted extends Error {
  constructor(readonly why: StopReason) {
    super(why === 'cancelled' ? 'cancelled' : why === 'spent' ? 'work budget spent' : 'time limit passed');
  }
}

/** Units of work between two reads of the clock and the cancellation. */
const CHECK_EVERY = 1024;

export class Budget {
  private used = 0;
  private pending = 0;

  /**
   * @param units work allowed; Infinity for no limit.
   * @param isCancelled read at the same moments as the clock.
   * @param deadline a `Date.now()` value after which the work stops; only the editor passes one.
   */
  constructor(
    readonly units: number,
    readonly isCancelled: () => boolean = () => false,
    readonly deadline: number = Number.POSITIVE_INFINITY,
  ) {}

  /** Units used so far. */
  get spent(): number {
    return this.used;
  }

  /** Records `cost` units of work; throws `Interrupted` when the units run out or a check says stop. */
  step(cost = 1): void {
    this.used += cost;
    if (this.used > this.units) throw new Interrupted('spent');
    this.pending += cost;
    if (this.pending >= CHECK_EVERY) {
      this.pending = 0;
      this.check();
    }
  }

  /** Reads the cancellation (and the clock, with a deadline) now; throws `Interrupted` when the work must stop. */
  check(): void {
    const why = this.stopReason();
    if (why) throw new Interrupted(why);
  }

  /** The same test without throwing, for loops that can stop on their own. */
  stopReason(): StopReason | undefined {
    if (this.isCancelled()) return 'cancelled';
    if (this.used > this.units) return 'spent';
    if (this.deadline !== Number.POSITIVE_INFINITY && Date.now() > this.deadline) return 'deadline';
    return undefined;
  }
}

/** A budget that never runs out, for callers (and tests) that do not need one. */
export function unlimited(): Budget {
  return new Budget(Number.POSITIVE_INFINITY);
}
