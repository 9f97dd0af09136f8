/**
 * Short, stable text for the figures the diagram shows. The analysis computes
 * every number; this file only decides how many digits a reader needs.
 */

/**
 * An availability as a percentage with enough digits to show its nines:
 * 0.9995 → "99.95%", 0.9999999 → "99.99999%", 1 → "100%".
 */
export function formatAvailability(a: number | undefined): string {
  if (a === undefined || !Number.isFinite(a)) return '–';
  const pct = Math.min(100, Math.max(0, a * 100));
  let text = pct.toFixed(2);
  // Add digits while rounding would hide the difference from 100%.
  for (let d = 3; d <= 6 && text.startsWith('100') && pct < 100; d++) text = pct.toFixed(d);
  if (text.startsWith('100') && pct < 100) text = '99.999999';
  return `${trimZeros(text)}%`;
}

/** A utilisation or share as a whole percentage: 0.624 → "62%". */
export function formatShare(u: number | undefined): string {
  if (u === undefined || !Number.isFinite(u)) return '–';
  return `${Math.round(u * 100)}%`;
}

/** A rate in requests per second: 2000 → "2k", 1500000 → "1.5M", 12.5 → "12.5". */
export function formatRate(rps: number | undefined): string {
  if (rps === undefined || !Number.isFinite(rps)) return '–';
  if (Math.abs(rps) >= 1e6) return `${trimZeros((rps / 1e6).toFixed(2))}M`;
  if (Math.abs(rps) >= 1e3) return `${trimZeros((rps / 1e3).toFixed(2))}k`;
  return trimZeros(rps.toFixed(2));
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
