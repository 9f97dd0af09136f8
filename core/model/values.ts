/**
 * Converts property values to their normalised form (fractions, seconds,
 * requests per second) and checks them against the schema. Returns undefined
 * and records an `invalid-value` diagnostic when a value does not fit.
 */
import type { PropertyNode, ValueNode } from '../../grammar/ast';
import type { Diagnostic, Range } from '../diagnostic';
import { describeType, type PropertySpec } from './schema';
import { closest, didYouMean } from './suggest';

export type Converted = number | string | boolean | string[];

const DURATION_SECONDS: Record<string, number> = { ms: 0.001, s: 1, min: 60, h: 3600, d: 86_400 };
const RATE_PER_SECOND: Record<string, number> = { rps: 1, qps: 1, rpm: 1 / 60 };

function spanOf(values: ValueNode[]): Range {
  return { start: values[0].range.start, end: values[values.length - 1].range.end };
}

export function convertValue(prop: PropertyNode, spec: PropertySpec, diagnostics: Diagnostic[]): Converted | undefined {
  const key = prop.key.text;
  const invalid = (message: string, range: Range = prop.values.length ? spanOf(prop.values) : prop.key.range) => {
    diagnostics.push({ code: 'invalid-value', severity: 'error', message, range });
    return undefined;
  };
  const expect = `'${key}' takes ${describeType(spec)}`;

  if (prop.values.length === 0) {
    if (prop.hasColon) return undefined; // The parser already reported the missing value.
    if (spec.type === 'flag') return true;
    return invalid(`'${key}' needs a value: ${expect}`);
  }
  if (spec.type === 'names') {
    const names: string[] = [];
    for (const v of prop.values) {
      if (v.type !== 'name') return invalid(`${expect}, not ${v.raw}`, v.range);
      names.push(v.value);
    }
    return names;
  }
  if (prop.values.length > 1) {
    // `capacity: 5k rps, stateful` reads the flag as a second value (a ',' ends a value
    // list only before `key:`), so name the likely cause when a bare name follows.
    const flag = prop.values.slice(1).find((v) => v.type === 'name');
    const cause = flag ? `; a ',' continues the list unless 'key:' follows, so put ';' or a new line before '${flag.raw}'` : '';
    return invalid(`${expect}; it takes one value, not ${prop.values.length}${cause}`);
  }
  const v = prop.values[0];

  const checkBounds = (n: number, shown: string): number | undefined => {
    if (spec.min !== undefined && (spec.minExclusive ? n <= spec.min : n < spec.min)) {
      return invalid(`'${key}' must be ${spec.minExclusive ? 'greater than' : 'at least'} ${spec.type === 'percent' ? `${spec.min * 100}%` : spec.min}, not ${shown}`, v.range);
    }
    if (spec.max !== undefined && n > spec.max) {
      return invalid(`'${key}' must be at most ${spec.type === 'percent' ? `${spec.max * 100}%` : spec.max}, not ${shown}`, v.range);
    }
    return n;
  };

  switch (spec.type) {
    case 'percent':
      if (v.type !== 'number' || v.unit !== '%') {
        const hint = v.type === 'number' && v.unit === null && v.value <= 1 ? ` (write ${+(v.value * 100).toPrecision(12)}% for ${v.raw})` : `, not ${v.raw}`;
        return invalid(`${expect}${hint}`, v.range);
      }
      // Scale by exponent rather than dividing so 99.99% is the double nearest 0.9999.
      return checkBounds(Number(`${v.value}e-2`), v.raw);
    case 'duration': {
      if (v.type !== 'number') return invalid(`${expect}, not ${v.raw}`, v.range);
      if (v.unit === null && v.value === 0) return 0;
      const factor = v.unit === null ? undefined : DURATION_SECONDS[v.unit];
      if (factor === undefined) return invalid(`${expect}${v.unit === null ? ` (add a unit: ${v.raw}ms or ${v.raw}s)` : `, not ${v.raw}`}`, v.range);
      return checkBounds(v.unit === 'ms' ? Number(`${v.value}e-3`) : v.value * factor, v.raw);
    }
    case 'rate': {
      if (v.type !== 'number') return invalid(`${expect}, not ${v.raw}`, v.range);
      // A bare number is read as requests per second, as in `rps: 2k`.
      const factor = v.unit === null ? 1 : RATE_PER_SECOND[v.unit];
      if (factor === undefined) return invalid(`${expect}, not ${v.raw}`, v.range);
      return checkBounds(v.value * factor, v.raw);
    }
    case 'integer':
      if (v.type !== 'number' || v.unit !== null || !Number.isInteger(v.value)) return invalid(`${expect}, not ${v.raw}`, v.range);
      return checkBounds(v.value, v.raw);
    case 'number':
      if (v.type !== 'number' || v.unit !== null) return invalid(`${expect}, not ${v.raw}`, v.range);
      return checkBounds(v.value, v.raw);
    case 'enum':
      if (v.type !== 'name' || !spec.values!.includes(v.value)) {
        return invalid(`${expect}, not ${v.raw}${didYouMean(v.type === 'name' ? closest(v.value, spec.values!) : undefined)}`, v.range);
      }
      return v.value;
    case 'flag':
      if (v.type !== 'bool') return invalid(`${expect}, not ${v.raw}`, v.range);
      return v.value;
    case 'string':
      if (v.type !== 'string') return invalid(`${expect}: write "${v.raw}"`, v.range);
      return v.value;
  }
}
