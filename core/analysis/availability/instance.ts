/**
 * One component's up-probability as a function of how many of its instances
 * count (LANGUAGE.md §6): the binomial tail for active-active, one-of-n minus
 * the failover penalty for active-passive.
 *
 * Every function returns both P(up) and P(down), each computed directly as a
 * sum of positive terms, never as `1 - x`. Availabilities such as 99.9999%
 * leave only about ten significant digits in `1 - x`; the exact engine
 * multiplies and adds down-probabilities, so it keeps full relative precision
 * on the unavailability, which is the figure users compare against an SLO.
 */
import type { ComponentModel } from '../../model/types';

export interface UpDown {
  up: number;
  down: number;
}

/** Above this many instances binomial coefficients are computed through logarithms to avoid overflow. */
const DIRECT_LIMIT = 60;

function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}

/** P(X = j) for X ~ Binomial(n, p), with q = 1 − p passed in so it keeps its own precision. */
function binomialTerms(n: number, p: number, q: number): Float64Array {
  const terms = new Float64Array(n + 1);
  if (n <= DIRECT_LIMIT) {
    let c = 1;
    for (let j = 0; j <= n; j++) {
      terms[j] = c * Math.pow(p, j) * Math.pow(q, n - j);
      c = (c * (n - j)) / (j + 1);
    }
    return terms;
  }
  const lnN = logFactorial(n);
  const lp = Math.log(p);
  const lq = Math.log(q);
  let lnJ = 0;
  for (let j = 0; j <= n; j++) {
    if (j > 0) lnJ += Math.log(j);
    const lnC = lnN - lnJ - logFactorial(n - j);
    const lt = lnC + (j === 0 ? 0 : j * lp) + (n - j === 0 ? 0 : (n - j) * lq);
    terms[j] = Math.exp(lt);
  }
  return terms;
}

/** The instances that must be up: min-up for active-active, 1 for active-passive. */
export function requiredInstances(c: ComponentModel): number {
  if (c.mode === 'active-passive') return 1;
  return Math.max(1, Math.floor(c.minUp || 1));
}

/**
 * The failover penalty λ·F of LANGUAGE.md §6, in probability units.
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
 * Tables by their inputs: large models repeat a handful of replica counts and
 * availabilities, so most components share one table.
 */
const tables = new Map<string, UpDown[]>();

/** P(up) and P(down) of the component for every number of counted instances 0..replicas. */
export function upDownByCount(c: ComponentModel): UpDown[] {
  const key = `${c.replicas}|${requiredInstances(c)}|${c.availability}|${c.mode === 'active-passive' ? failoverPenalty(c) : 0}`;
  let table = tables.get(key);
  if (!table) {
    table = computeTable(c);
    if (tables.size > 10_000) tables.clear();
    tables.set(key, table);
  }
  return table;
}

function computeTable(c: ComponentModel): UpDown[] {
  const replicas = Math.max(0, Math.floor(c.replicas));
  const p = Math.min(1, Math.max(0, c.availability));
  const q = 1 - p;
  const k = requiredInstances(c);
  const penalty = c.mode === 'active-passive' ? failoverPenalty(c) : 0;
  const out: UpDown[] = [];
  for (let n = 0; n <= replicas; n++) {
    if (n < k) {
      out.push({ up: 0, down: 1 });
      continue;
    }
    const terms = binomialTerms(n, p, q);
    let up = 0;
    let down = 0;
    for (let j = 0; j <= n; j++) {
      if (j >= k) up += terms[j];
      else down += terms[j];
    }
    if (penalty > 0 && n >= 2) {
      // Failover time is lost service even when a standby exists; it can only lower the figure.
      up = Math.max(0, up - penalty);
      down = Math.min(1, down + penalty);
    }
    out.push({ up, down });
  }
  return out;
}
