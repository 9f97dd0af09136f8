/**
 * One budget per analysis, not per system (issue: a file of ten hard systems
 * took ten budgets): `analyseText` makes one `AnalysisBudget` for the file
 * (the CLI) or the model (the editor) and every system draws on it, the
 * exact method from one pool of units and Monte Carlo from another. Units
 * count work, never time (./budget.ts), so the same file always gives the
 * same figures; the editor's wall-clock deadline, when given, is shared too.
 *
 * Decisions where docs/language.md is silent:
 * - A system may always use a small floor of units (1/64 of the pool), so a
 *   small system after a hard one is still exact and a hard one still gets a
 *   fair try; a file of n hard systems spends at most (1 + n/64) pools.
 * - Monte Carlo draws `units / (model size)` samples, clamped to
 *   [1,000, 200,000]: the sample count depends on the model and on what the
 *   systems before it used, never on the clock.
 */
import { Budget } from './budget';

/**
 * Exact-method units of one analysis. About two seconds of work on the
 * machine of docs/performance.md; a unit is a diagram node evaluated in one
 * zone state or one BDD apply step.
 */
export const DEFAULT_EXACT_UNITS = 400_000_000;
/** Monte Carlo units of one analysis: node visits over all samples. */
export const DEFAULT_MONTE_CARLO_UNITS = 30_000_000;
const FLOOR_SHARE = 1 / 64;

export interface WorkLimits {
  /** Units the exact method may use over the whole analysis. */
  exactUnits?: number;
  /** Units Monte Carlo may use over the whole analysis. */
  monteCarloUnits?: number;
  /** A `Date.now()` value past which work stops: the editor's limit, never the CLI's or a test's. */
  deadline?: number;
  isCancelled?: () => boolean;
}

export class AnalysisBudget {
  readonly exactUnits: number;
  readonly monteCarloUnits: number;
  readonly deadline: number;
  readonly isCancelled: () => boolean;
  private exactLeft: number;
  private monteCarloLeft: number;

  constructor(limits: WorkLimits = {}) {
    this.exactUnits = validUnits(limits.exactUnits, DEFAULT_EXACT_UNITS);
    this.monteCarloUnits = validUnits(limits.monteCarloUnits, DEFAULT_MONTE_CARLO_UNITS);
    this.deadline = limits.deadline ?? Number.POSITIVE_INFINITY;
    this.isCancelled = limits.isCancelled ?? (() => false);
    this.exactLeft = this.exactUnits;
    this.monteCarloLeft = this.monteCarloUnits;
  }

  /** The exact method's budget for one system: what the analysis has left, or the floor. */
  exact(): Budget {
    return new Budget(Math.max(this.exactLeft, this.exactUnits * FLOOR_SHARE), this.isCancelled, this.deadline);
  }

  /** Takes what a system's exact attempt used from the analysis's pool. */
  spendExact(used: Budget): void {
    this.exactLeft = Math.max(0, this.exactLeft - used.spent);
  }

  /** Units a system's Monte Carlo may plan with: what is left, or the floor. */
  monteCarlo(): number {
    return Math.max(this.monteCarloLeft, this.monteCarloUnits * FLOOR_SHARE);
  }

  spendMonteCarlo(units: number): void {
    this.monteCarloLeft = Math.max(0, this.monteCarloLeft - units);
  }

  /** Cancellation and the editor's deadline only: what Monte Carlo checks while it samples. */
  clock(): Budget {
    return new Budget(Number.POSITIVE_INFINITY, this.isCancelled, this.deadline);
  }
}

/** A count of units: the default for a missing, negative or NaN value; Infinity means no limit. */
function validUnits(value: number | undefined, fallback: number): number {
  return value !== undefined && value >= 0 ? value : fallback;
}
