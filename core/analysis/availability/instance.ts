/**
 * One component's up-probability as a function of how many of its instances
 * count (docs/language.md §6): the binomial tail for active-active, one-of-n minus
 * the failover penalty for active-passive.
 *
 * Every function returns both P(up) and P(down), each computed directly as a
 * sum of positive terms, never as `1 - x`. Availabilities such as 99.9999%
 * leave only about ten significant digits in `1 - x`; the exact engine
 * multiplies and adds down-probabilities, so it keeps full relative precision
 * on the unavailability, which is the figure users compare against an SLO.
 */
import type { ComponentModel } from '../../model/types';
import { binomialRange } from './binomial';
import { type Budget, unlimited } from './budget';

export interface UpDown {
  up: number;
  down: number;
}

/** The instances that must be up: min-up for active-active, 1 for active-passive. */
export function requiredInstances(c: ComponentModel): number {
  if (c.mode === 'active-passive') return 1;
  return Math.max(1, Math.floor(c.minUp || 1));
}

/**
 * The failover penalty λ·F of docs/language.md §6, in probability units.
 * Decision: a zero or negative mttr means failures are repaired at once, so
 * there is no failure rate to charge and the penalty is 0.
 */
export function failoverPenalty(c: ComponentModel): number {
  const p = c.availability;
  const mttrHours = c.mttr / 3600;
  if (!(p > 0) || !(mttrHours > 0) || !(c.failover > 0)) return 0;
  const lambda = (1 - p) / (p * mttrHours);
  const penalty = lambda * (c.failover / 3600);
  return Number.isFinite(penalty) ? penalty : 1;
}

/**
 * P(up) and P(down) of one component by number of counted instances, each
 * entry computed on first use. The engine asks only for the counts its zone
 * and region states can leave (a handful, whatever `replicas` is), and each
 * entry costs about the spread of the binomial, not `replicas`, so
 * `replicas: 1000000` costs no more than a few thousand units of work.
 */
export class UpDownTable {
  private readonly known = new Map<number, UpDown>();
  private readonly p: number;
  private readonly q: number;
  readonly required: number;

  constructor(
    /** The component's instances; counts above it read as it. */
    readonly replicas: number,
    required: number,
    availability: number,
    private readonly penalty: number,
  ) {
    this.p = Math.min(1, Math.max(0, availability));
    this.q = 1 - this.p;
    this.required = required;
  }

  /**
   * The entry for `count` counted instances; its work is charged to `budget`.
   * `placeAll` (component-up.ts) computes every entry a state of the zones
   * can ask for, so the engine's later reads are lookups that cost nothing.
   */
  at(count: number, budget: Budget = unlimited()): UpDown {
    const n = Math.max(0, Math.min(count, this.replicas));
    let e = this.known.get(n);
    if (!e) {
      e = this.compute(n, budget);
      this.known.set(n, e);
    }
    return e;
  }

  private compute(n: number, budget: Budget): UpDown {
    const k = this.required;
    if (n < k) return { up: 0, down: 1 };
    // Both tails as sums of positive terms, never one as 1 minus the other (see the file comment).
    let up = binomialRange(n, k, n, this.p, this.q, budget);
    let down = binomialRange(n, 0, k - 1, this.p, this.q, budget);
    if (this.penalty > 0 && n >= 2) {
      // Failover time is lost service even when a standby exists; it can only lower the figure.
      up = Math.max(0, up - this.penalty);
      down = Math.min(1, down + this.penalty);
    }
    return { up, down };
  }
}

/**
 * Tables by their inputs: large models repeat a handful of replica counts and
 * availabilities, so most components share one table.
 */
const tables = new Map<string, UpDownTable>();

/** The component's table of P(up) and P(down) by number of counted instances. */
export function upDownByCount(c: ComponentModel): UpDownTable {
  const replicas = Math.max(0, Math.floor(c.replicas));
  const k = requiredInstances(c);
  const penalty = c.mode === 'active-passive' ? failoverPenalty(c) : 0;
  const key = `${replicas}|${k}|${c.availability}|${penalty}`;
  let table = tables.get(key);
  if (!table) {
    table = new UpDownTable(replicas, k, c.availability, penalty);
    if (tables.size > 10_000) tables.clear();
    tables.set(key, table);
  }
  return table;
}
