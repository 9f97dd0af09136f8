/**
 * Sums of binomial probabilities P(X = j), X ~ Binomial(n, p), in time that
 * grows with the spread of X (its standard deviation) rather than with n,
 * each term a positive number computed without cancellation.
 *
 * One term, the one at the mode of the range (or the range's edge nearest
 * the mode), is computed directly through logarithms in the saddle-point
 * form (Loader, "Fast and accurate computation of binomial probabilities",
 * 2000): Stirling's error terms and the deviance `bd0` are each small and
 * precise, so the term keeps full relative precision even for n in the
 * millions, where a difference of log-factorials of size n·ln n would leave
 * only a few digits. The other terms follow by the exact ratio of two
 * neighbours, walking away from the mode; the terms only decrease there, so
 * the walk stops once a term no longer changes the sum.
 *
 * Every term costs one unit of work charged to the caller's budget.
 */
import type { Budget } from './budget';

const LN_2PI = Math.log(2 * Math.PI);

/** ln(k!) for small k, summed directly (exact to a few units in the last place). */
const SMALL_LN_FACT: number[] = [0];
for (let k = 1; k <= 16; k++) SMALL_LN_FACT.push(SMALL_LN_FACT[k - 1] + Math.log(k));

/** Stirling's error ln(k!) − [(k + ½)·ln k − k + ½·ln 2π], for k ≥ 1. */
function stirlingError(k: number): number {
  if (k <= 15) return SMALL_LN_FACT[k] - (k + 0.5) * Math.log(k) + k - 0.5 * LN_2PI;
  // The asymptotic series; at k = 16 its next term is below 1e-16 of the sum.
  const k2 = k * k;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * k2)) / k2) / k2) / k2) / k;
}

/** The deviance x·ln(x/m) + m − x ≥ 0, by its series when x is near m so it does not cancel. */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    const v2 = v * v;
    let sum = (x - m) * v;
    let power = 2 * x * v;
    for (let j = 3; ; j += 2) {
      power *= v2;
      const next = sum + power / j;
      if (next === sum) return sum;
      sum = next;
    }
  }
  return x * Math.log(x / m) + m - x;
}

/** P(X = j) for 0 ≤ j ≤ n, with q = 1 − p passed in so it keeps its own precision. */
export function binomialTerm(n: number, j: number, p: number, q: number): number {
  if (j === 0) return Math.pow(q, n);
  if (j === n) return Math.pow(p, n);
  if (p === 0 || q === 0) return 0;
  const lc = stirlingError(n) - stirlingError(j) - stirlingError(n - j) - deviance(j, n * p) - deviance(n - j, n * q);
  return Math.exp(lc) * Math.sqrt(n / (2 * Math.PI * j * (n - j)));
}

/** Below this fraction of the sum a term is dropped, and so is every smaller term after it. */
const NEGLIGIBLE = 2 ** -70;

/**
 * Σ P(X = j) for lo ≤ j ≤ hi (clamped to 0..n), walking out from the mode:
 * the number of terms is about 2 × 10 standard deviations, not n.
 */
export function binomialRange(n: number, lo: number, hi: number, p: number, q: number, budget: Budget): number {
  lo = Math.max(0, lo);
  hi = Math.min(n, hi);
  if (lo > hi) return 0;
  if (q === 0) return hi === n ? 1 : 0;
  if (p === 0) return lo === 0 ? 1 : 0;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const start = Math.min(hi, Math.max(lo, mode));
  const first = binomialTerm(n, start, p, q);
  let sum = first;
  budget.step();
  // Upwards: P(j+1)/P(j) = (n − j)/(j + 1) · p/q.
  let t = first;
  for (let j = start; j < hi && t > sum * NEGLIGIBLE; j++) {
    t *= ((n - j) / (j + 1)) * (p / q);
    sum += t;
    budget.step();
  }
  // Downwards: P(j−1)/P(j) = j/(n − j + 1) · q/p.
  t = first;
  for (let j = start; j > lo && t > sum * NEGLIGIBLE; j--) {
    t *= (j / (n - j + 1)) * (q / p);
    sum += t;
    budget.step();
  }
  return sum;
}
