/**
 * Numbers with their units (LANGUAGE.md §2): `12`, `0.5`, `1.5k`, `2M`,
 * `99.9%`, `250ms`, `2500rps`. The lexer takes the digits and any letters
 * after them; this splits and checks the suffix so a typo such as `30sec`
 * gets a message that lists the units.
 */
import type { NumberUnit } from './ast';

const UNITS: ReadonlySet<string> = new Set(['%', 'ms', 's', 'min', 'h', 'd', 'rps', 'qps', 'rpm', 'B', 'KB', 'MB', 'GB', 'TB']);
const MULTIPLIERS: Record<string, number> = { k: 3, M: 6 };

export type ParsedNumber = { ok: true; value: number; unit: NumberUnit | null } | { ok: false; message: string };

export function parseNumberLiteral(raw: string): ParsedNumber {
  const match = /^(\d+(?:\.\d+)?)(.*)$/.exec(raw);
  if (!match) return { ok: false, message: `'${raw}' is not a number` };
  let value = Number(match[1]);
  let suffix = match[2];
  if (suffix === '') return { ok: true, value, unit: null };
  if (UNITS.has(suffix)) return { ok: true, value, unit: suffix as NumberUnit };
  const multiplier = MULTIPLIERS[suffix[0]];
  if (multiplier !== undefined) {
    // Scale by exponent so 1.5k is exactly 1500.
    value = Number(`${match[1]}e${multiplier}`);
    suffix = suffix.slice(1);
    if (suffix === '') return { ok: true, value, unit: null };
    if (UNITS.has(suffix)) return { ok: true, value, unit: suffix as NumberUnit };
  }
  return {
    ok: false,
    message: `unknown unit '${match[2]}' in '${raw}': write a number with %, ms, s, min, h, d, rps, qps or rpm (k and M multiply by 1,000 and 1,000,000)`,
  };
}

/** Unescape the body of a double-quoted string (without its quotes). */
export function unescapeString(body: string): string {
  return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}
