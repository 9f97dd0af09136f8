/**
 * Number formatting shared by the language server, the CLI and the report.
 * Figures are computed elsewhere in core; this file only decides how a user
 * reads them, so the hover, the inlay hint and `sysd report` always agree.
 */
import { downtime } from './analysis/downtime';
import type { Verdict } from './analysis/verdict';
import type { AvailabilityFigure, Figure } from './figure';

/** Enough for an unavailability of 1e-20; beyond that the float of u itself is the limit. */
const MAX_DECIMALS = 20;

/** Drops trailing zeros after the decimal point ("99.950" → "99.95", "62.0" → "62"). */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * An availability as a percentage with enough nines to look exact: the
 * unavailability keeps two significant digits, so 0.99953 reads "99.953%"
 * rather than "100.0%" and 0.9995 reads "99.95%". Only a Figure is taken,
 * so an estimate is always marked: `≈ 99.95% (95% CI 99.93–99.97%)`.
 */
export function formatAvailability(figure: Figure | AvailabilityFigure): string {
  const text = availabilityText(figure.value, 'unavailability' in figure ? figure.unavailability : 1 - figure.value);
  const x = figure.exactness;
  if (x.method === 'exact' || text === '—') return text;
  return `≈ ${text} (95% CI ${availabilityText(x.low, 1 - x.low).replace(/%$/, '')}–${availabilityText(x.high, 1 - x.high)})`;
}

function availabilityText(fraction: number, unavailability: number): string {
  if (!Number.isFinite(fraction) || !Number.isFinite(unavailability)) return '—';
  if (unavailability <= 0) return '100%';
  if (fraction <= 0 || unavailability >= 1) return '0%';
  const unavailablePercent = unavailability * 100;
  let decimals = Math.max(0, 1 - Math.floor(Math.log10(unavailablePercent)));
  decimals = Math.min(decimals, MAX_DECIMALS);
  // Written from the unavailability so that nines the float of 1 − u cannot hold still show.
  const percentOf = (d: number) => (unavailability < 1e-6 ? nines(unavailablePercent, d) : (fraction * 100).toFixed(d));
  let text = percentOf(decimals);
  // Rounding may still reach 100 (0.99999996 at 7 decimals); a figure below 1 never reads as 100%.
  while (text.startsWith('100') && decimals < MAX_DECIMALS) {
    decimals += 1;
    text = percentOf(decimals);
  }
  return `${trimZeros(text)}%`;
}

/** 100 − u% written with `decimals` digits without forming 100 − u in floating point. */
function nines(unavailablePercent: number, decimals: number): string {
  const scaled = BigInt(Math.round(unavailablePercent * 10 ** decimals));
  const digits = String(10n ** BigInt(decimals + 2) - scaled).padStart(decimals + 2, '0');
  return `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
}

/** ✓ for met, ✗ for unmet, ? when an estimate's interval straddles the objective. */
export function formatVerdict(v: Verdict): string {
  return v === 'met' ? '✓' : v === 'unmet' ? '✗' : '?';
}

/**
 * A plain share such as a utilisation or a cache hit rate: whole percent,
 * with one decimal below 10% so that small loads do not read as 0%.
 */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  const percent = fraction * 100;
  if (percent !== 0 && Math.abs(percent) < 10) return `${trimZeros(percent.toFixed(1))}%`;
  return `${Math.round(percent)}%`;
}

/**
 * A duration in seconds as a person says it: "250ms", "12s", "5m 12s",
 * "4h 23m", "3d 2h". Two units at most; the smaller one is rounded.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds <= 0) return '0s';
  if (seconds < 1) {
    const ms = seconds * 1000;
    return ms < 1 ? `${trimZeros(ms.toFixed(2))}ms` : `${trimZeros(ms.toFixed(ms < 10 ? 1 : 0))}ms`;
  }
  if (seconds < 9.95) return `${trimZeros(seconds.toFixed(1))}s`;
  if (seconds < 59.5) return `${Math.round(seconds)}s`;
  const units: [string, number][] = [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]];
  // Round to the smaller of the two units shown; rounding may carry into a bigger unit (3599.9s is 1h).
  let rest = seconds;
  let big = 0;
  for (let pass = 0; pass < 2; pass++) {
    big = units.findIndex(([, size]) => rest >= size);
    const small = units[Math.min(big + 1, units.length - 1)][1];
    rest = Math.round(seconds / small) * small;
  }
  const parts: string[] = [];
  for (const [name, size] of units.slice(big, big + 2)) {
    const count = Math.floor(rest / size + 1e-9);
    rest -= count * size;
    if (count > 0 || parts.length === 0) parts.push(`${count}${name}`);
  }
  return parts.join(' ');
}

/**
 * Downtime implied by an availability, per year, 30-day month and week,
 * from its unavailability (not from a rounded availability); an estimate's
 * downtime is marked `≈` like the estimate.
 */
export function formatDowntimes(figure: Figure | AvailabilityFigure): { year: string; month: string; week: string } {
  const d = downtime('unavailability' in figure ? figure.unavailability : 1 - figure.value);
  const mark = figure.exactness.method === 'exact' ? '' : '≈ ';
  return { year: `${mark}${formatDuration(d.year)}/yr`, month: `${mark}${formatDuration(d.month)}/mo`, week: `${mark}${formatDuration(d.week)}/wk` };
}

/** A number with a k or M suffix: 2500 → "2.5k", 6000000 → "6M", 12.5 → "12.5". */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${trimZeros((value / 1e6).toFixed(abs >= 1e7 ? 1 : 2))}M`;
  if (abs >= 1e3) return `${trimZeros((value / 1e3).toFixed(abs >= 1e4 ? 1 : 2))}k`;
  if (abs >= 100 || Number.isInteger(value)) return `${Math.round(value)}`;
  // Below 1, keep two significant digits so 0.001 reads "0.001", not "0".
  if (abs < 1) return String(Number(value.toPrecision(2)));
  return trimZeros(value.toFixed(abs >= 10 ? 1 : 2));
}

/** A request rate in requests per second: "2.5k rps". */
export function formatRate(rps: number): string {
  return `${formatCount(rps)} rps`;
}

/** A latency in seconds: "28ms", "1.2s"; no latency reads "0ms", the unit latencies are written in. */
export function formatLatency(seconds: number): string {
  return seconds === 0 ? '0ms' : formatDuration(seconds);
}
