/**
 * Thresholds compare with a relative tolerance (docs/language.md §8): a
 * figure equal to its limit up to floating-point rounding (0.1 + 0.2 against
 * 0.3, 95% × 95% against 90.25%) is at the limit, neither above nor below
 * it. Every rule, verdict and badge that compares a figure with a limit
 * goes through these, so a tie reads the same everywhere.
 */

export const RELATIVE_TOLERANCE = 1e-9;

/** True when a and b are equal up to the relative tolerance. */
export function atLimit(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** `value` is above `limit` by more than rounding. */
export function above(value: number, limit: number): boolean {
  return value > limit && !atLimit(value, limit);
}

/** `value` is below `limit` by more than rounding. */
export function below(value: number, limit: number): boolean {
  return value < limit && !atLimit(value, limit);
}
