/**
 * Numbers with their units (docs/language.md §2): `12`, `0.5`, `1.5k`, `2M`,
 * `99.9%`, `250ms`, `2500rps`. The lexer takes the digits and any letters
 * after them; this splits and checks the suffix so a typo such as `30sec`
 * gets a message that lists the units.
 */
import type { NumberUnit } from './ast';
import { closest } from '../core/model/suggest';

const UNITS: ReadonlySet<string> = new Set(['%', 'ms', 's', 'min', 'h', 'd', 'rps', 'qps', 'rpm', 'B', 'KB', 'MB', 'GB', 'TB']);
const MULTIPLIERS: Record<string, number> = { k: 3, M: 6 };

export type ParsedNumber =
  | { ok: true; value: number; unit: NumberUnit | null }
  /** `unit`: where the misspelt unit starts in the literal and the unit it most likely means. */
  | { ok: false; message: string; unit?: { start: number; suggestion: string } };

export function parseNumberLiteral(raw: string): ParsedNumber {
  // Digits, then an optional fraction: what the regex /^(\d+(?:\.\d+)?)(.*)$/ splits,
  // scanned by hand because every number of a model comes through here.
  let end = 0;
  while (end < raw.length && isDigit(raw.charCodeAt(end))) end++;
  if (end === 0) return { ok: false, message: `'${raw}' is not a number` };
  if (end + 1 < raw.length && raw.charCodeAt(end) === 46 /* . */ && isDigit(raw.charCodeAt(end + 1))) {
    end += 2;
    while (end < raw.length && isDigit(raw.charCodeAt(end))) end++;
  }
  if (end === raw.length) return { ok: true, value: Number(raw), unit: null };
  const digits = raw.slice(0, end);
  let value = Number(digits);
  let suffix = raw.slice(end);
  if (UNITS.has(suffix)) return { ok: true, value, unit: suffix as NumberUnit };
  const multiplier = MULTIPLIERS[suffix[0]];
  if (multiplier !== undefined) {
    // Scale by exponent so 1.5k is exactly 1500.
    value = Number(`${digits}e${multiplier}`);
    suffix = suffix.slice(1);
    if (suffix === '') return { ok: true, value, unit: null };
    if (UNITS.has(suffix)) return { ok: true, value, unit: suffix as NumberUnit };
  }
  const start = raw.length - suffix.length;
  const suggestion = closest(suffix, UNITS);
  const meant = suggestion === undefined ? ':' : `; did you mean '${raw.slice(0, start)}${suggestion}'? Otherwise`;
  return {
    ok: false,
    message: `unknown unit '${raw.slice(end)}' in '${raw}'${meant} write a number with %, ms, s, min, h, d, rps, qps or rpm (k and M multiply by 1,000 and 1,000,000)`,
    ...(suggestion === undefined ? {} : { unit: { start, suggestion } }),
  };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Unescape the body of a double-quoted string (without its quotes). */
export function unescapeString(body: string): string {
  return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/**
 * In the image of a string written over two lines (the SplitString token),
 * the line break and the blanks around it, as offsets into the image: what
 * joining the lines replaces with one space, in the quick fix and in the
 * string's value alike.
 */
export function splitStringJoint(image: string): { start: number; end: number } {
  const newline = image.indexOf('\n');
  let start = newline;
  while (start > 1 && /[ \t\r]/.test(image[start - 1])) start--;
  let end = newline + 1;
  while (end < image.length - 1 && /[ \t]/.test(image[end])) end++;
  return { start, end };
}
