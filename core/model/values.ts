/**
 * Converts property values to their normalised form (fractions, seconds,
 * requests per second) and checks them against the schema. Returns undefined
 * and records an `invalid-value` diagnostic when a value does not fit.
 */
import type { PropertyNode, ValueNode } from '../../grammar/ast';
import { replaceFix, type Diagnostic, type Range, type SuggestedFix } from '../diagnostic';
import { describeType, type PropertySpec } from './schema';
import { closest, didYouMean } from './suggest';

export type Converted = number | string | boolean | string[];

const DURATION_SECONDS: Record<string, number> = { ms: 0.001, s: 1, min: 60, h: 3600, d: 86_400 };
const RATE_PER_SECOND: Record<string, number> = { rps: 1, qps: 1, rpm: 1 / 60 };

function spanOf(values: ValueNode[]): Range {
  return { start: values[0].range.start, end: values[values.length - 1].range.end };
}

/**
 * Records an `invalid-value` diagnostic; returns undefined so callers can
 * `return invalid(...)`. `fix` is the one right rewrite (the editor's
 * preferred quick fix); `choices` are rewrites the author picks between.
 */
function invalid(diagnostics: Diagnostic[], message: string, range: Range, fix?: SuggestedFix, choices?: SuggestedFix[]): undefined {
  // The one right rewrite is what the author meant (core/cascade.ts reads `meant`).
  const data = fix || choices ? { ...(fix ? { fix, meant: true as const } : {}), ...(choices ? { fixes: choices } : {}) } : undefined;
  diagnostics.push({ code: 'invalid-value', severity: 'error', message, range, ...(data ? { data } : {}) });
  return undefined;
}

/** "'replicas' takes a whole number": the start of most messages, built only when one is due. */
const takes = (key: string, spec: PropertySpec): string => `'${key}' takes ${describeType(spec)}`;

/**
 * `Number("99.99e-2")`: the double nearest the decimal, which dividing by 100
 * does not always give. Models repeat the same few figures, so they are kept.
 */
const scaled = { [-2]: new Map<number, number>(), [-3]: new Map<number, number>() };
function scaleExact(value: number, exponent: -2 | -3): number {
  const cache = scaled[exponent];
  let n = cache.get(value);
  if (n === undefined) {
    n = Number(`${value}e${exponent}`);
    if (cache.size > 4096) cache.clear();
    cache.set(value, n);
  }
  return n;
}

function checkBounds(n: number, spec: PropertySpec, key: string, v: ValueNode, diagnostics: Diagnostic[]): number | undefined {
  if (spec.min !== undefined && (spec.minExclusive ? n <= spec.min : n < spec.min)) {
    return invalid(diagnostics, `'${key}' must be ${spec.minExclusive ? 'greater than' : 'at least'} ${spec.type === 'percent' ? `${spec.min * 100}%` : spec.min}, not ${v.raw}`, v.range);
  }
  if (spec.max !== undefined && n > spec.max) {
    return invalid(diagnostics, `'${key}' must be at most ${spec.type === 'percent' ? `${spec.max * 100}%` : spec.max}, not ${v.raw}`, v.range);
  }
  return n;
}

export function convertValue(prop: PropertyNode, spec: PropertySpec, diagnostics: Diagnostic[]): Converted | undefined {
  const key = prop.key.text;
  const values = prop.values;

  if (values.length === 0) {
    if (prop.hasColon) return undefined; // The parser already reported the missing value.
    if (spec.type === 'flag') return true;
    return invalid(diagnostics, `'${key}' needs a value: ${takes(key, spec)}`, prop.key.range);
  }
  if (spec.type === 'names') {
    const names: string[] = [];
    for (const v of values) {
      if (v.type !== 'name') return invalid(diagnostics, `${takes(key, spec)}, not ${v.raw}`, v.range);
      names.push(v.value);
    }
    return names;
  }
  if (values.length > 1) {
    // `capacity: 5k rps, stateful` reads the flag as a second value (a ',' ends a value
    // list only before `key:`), so name the likely cause when a bare name follows.
    const flag = values.slice(1).find((v) => v.type === 'name');
    const cause = flag ? `; a ',' continues the list unless 'key:' follows, so put ';' or a new line before '${flag.raw}'` : '';
    return invalid(diagnostics, `${takes(key, spec)}; it takes one value, not ${values.length}${cause}`, spanOf(values));
  }
  const v = values[0];

  switch (spec.type) {
    case 'percent':
      if (v.type !== 'number' || v.unit !== '%') {
        if (v.type === 'number' && v.unit === null && v.value <= 1) {
          const percent = `${+(v.value * 100).toPrecision(12)}%`;
          return invalid(diagnostics, `${takes(key, spec)} (write ${percent} for ${v.raw})`, v.range, replaceFix(`Write ${percent}`, v.range, percent));
        }
        if (v.type === 'number' && v.unit === null && v.value <= 100) {
          // `availability: 99.9` means 99.9%: only the sign is missing.
          const percent = `${v.raw}%`;
          return invalid(diagnostics, `${takes(key, spec)} (write ${percent}, with the %)`, v.range, replaceFix(`Write ${percent}`, v.range, percent));
        }
        return invalid(diagnostics, `${takes(key, spec)}, not ${v.raw}`, v.range);
      }
      // Scale by exponent rather than dividing so 99.99% is the double nearest 0.9999.
      return checkBounds(scaleExact(v.value, -2), spec, key, v, diagnostics);
    case 'duration': {
      if (v.type !== 'number') return invalid(diagnostics, `${takes(key, spec)}, not ${v.raw}`, v.range);
      if (v.unit === null && v.value === 0) return 0;
      const factor = v.unit === null ? undefined : DURATION_SECONDS[v.unit];
      if (factor === undefined) {
        if (v.unit !== null) return invalid(diagnostics, `${takes(key, spec)}, not ${v.raw}`, v.range);
        const units = ['ms', 's'].map((unit) => replaceFix(`Write ${v.raw}${unit}`, v.range, `${v.raw}${unit}`));
        return invalid(diagnostics, `${takes(key, spec)} (add a unit: ${v.raw}ms or ${v.raw}s)`, v.range, undefined, units);
      }
      return checkBounds(v.unit === 'ms' ? scaleExact(v.value, -3) : v.value * factor, spec, key, v, diagnostics);
    }
    case 'rate': {
      if (v.type !== 'number') return invalid(diagnostics, `${takes(key, spec)}, not ${v.raw}`, v.range);
      // A bare number is read as requests per second, as in `rps: 2k`.
      const factor = v.unit === null ? 1 : RATE_PER_SECOND[v.unit];
      if (factor === undefined) return invalid(diagnostics, `${takes(key, spec)}, not ${v.raw}`, v.range);
      return checkBounds(v.value * factor, spec, key, v, diagnostics);
    }
    case 'integer':
      if (v.type !== 'number' || v.unit !== null || !Number.isInteger(v.value)) return invalid(diagnostics, `${takes(key, spec)}, not ${v.raw}`, v.range);
      return checkBounds(v.value, spec, key, v, diagnostics);
    case 'number':
      if (v.type !== 'number' || v.unit !== null) return invalid(diagnostics, `${takes(key, spec)}, not ${v.raw}`, v.range);
      return checkBounds(v.value, spec, key, v, diagnostics);
    case 'enum':
      if (v.type !== 'name' || !spec.values!.includes(v.value)) {
        const suggestion = v.type === 'name' ? closest(v.value, spec.values!) : undefined;
        const fix = suggestion ? replaceFix(`Change to '${suggestion}'`, v.range, suggestion) : undefined;
        return invalid(diagnostics, `${takes(key, spec)}, not ${v.raw}${didYouMean(suggestion)}`, v.range, fix);
      }
      return v.value;
    case 'flag':
      if (v.type !== 'bool') return invalid(diagnostics, `${takes(key, spec)}, not ${v.raw}`, v.range);
      return v.value;
    case 'string':
      if (v.type !== 'string') return invalid(diagnostics, `${takes(key, spec)}: write "${v.raw}"`, v.range, replaceFix(`Write "${v.raw}"`, v.range, `"${v.raw}"`));
      return v.value;
  }
}
