/** Downtime figures of docs/language.md §6: year = 365.25 days, month = 30 days, week = 7 days. */
export const SECONDS_PER_DAY = 86_400;
export const SECONDS_PER_YEAR = 365.25 * SECONDS_PER_DAY;
export const SECONDS_PER_MONTH = 30 * SECONDS_PER_DAY;
export const SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;

/** From the unavailability the engine holds, so precision is not lost to 1 − (1 − u). */
export function downtime(unavailability: number): { year: number; month: number; week: number } {
  const u = Math.max(0, unavailability);
  return { year: u * SECONDS_PER_YEAR, month: u * SECONDS_PER_MONTH, week: u * SECONDS_PER_WEEK };
}
