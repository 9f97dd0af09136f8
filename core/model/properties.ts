/**
 * Reads the properties of one block (a system, group, component, edge) into a
 * map of converted values, reporting unknown keys (with "did you mean"),
 * keys in the wrong place, keys set twice and invalid values.
 */
import type { PropertyNode } from '../../grammar/ast';
import { replaceFix, type Diagnostic, type Range } from '../diagnostic';
import type { ComponentKind } from './types';
import { appliesToKind, describeType, propertiesFor, propertySpec, PROPERTIES, type Place } from './schema';
import { closest, didYouMean } from './suggest';
import { isEntryKind } from './kinds';
import { convertValue, type Converted } from './values';

export interface ReadProperties {
  values: ReadonlyMap<string, Converted>;
  ranges: ReadonlyMap<string, Range>;
}

/** What a block without properties reads as (most edges): shared, never written. */
const NONE: ReadProperties = { values: new Map(), ranges: new Map() };

const PLACE_NAMES: Record<Place, string> = { system: 'a system', group: 'a zone or region', component: 'a component', edge: 'an edge' };

/** "a service", "an external", and plain "users"/"client" (their kind words read as plurals or roles). */
function placeName(place: Place, kind?: ComponentKind): string {
  if (place !== 'component' || !kind) return PLACE_NAMES[place];
  return isEntryKind(kind) ? `${kind} entries` : `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** The units a rate may be written with, which alone may stand after a space (docs/language.md §2). */
const RATE_UNITS = ['rps', 'qps', 'rpm'];

/**
 * `capacity: 2500 rsp`: a unitless number for a rate, then on the same line
 * after blanks a word that is no key but close to a rate unit. The parser
 * reads the word as a flag of its own; this reports it as the misspelt unit
 * it is, with the fix, at the value and its unit.
 */
function misspeltRateUnit(before: PropertyNode, word: PropertyNode, place: Place, diagnostics: Diagnostic[]): boolean {
  const spec = propertySpec(place, before.key.text);
  const value = before.values.length === 1 ? before.values[0] : undefined;
  if (spec?.type !== 'rate' || value?.type !== 'number' || value.unit !== null) return false;
  if (word.values.length > 0 || word.hasColon || word.range.start !== word.key.range.start) return false;
  const unit = closest(word.key.text, RATE_UNITS);
  if (!unit) return false;
  diagnostics.push({
    code: 'invalid-value',
    severity: 'error',
    message: `'${word.key.text}' is not a rate unit${didYouMean(unit)} ('${before.key.text}' takes ${describeType(spec)}); until it is fixed, '${before.key.text}' is not read`,
    range: { start: value.range.start, end: word.key.range.end },
    data: { fix: replaceFix(`Change to '${unit}'`, word.key.range, unit), meant: true },
  });
  return true;
}

export function readProperties(
  props: PropertyNode[],
  place: Place,
  diagnostics: Diagnostic[],
  kind?: ComponentKind,
): ReadProperties {
  if (props.length === 0) return NONE;
  const values = new Map<string, Converted>();
  const ranges = new Map<string, Range>();
  let previous: PropertyNode | undefined;
  for (const prop of props) {
    const key = prop.key.text;
    const spec = propertySpec(place, key);
    const before = previous;
    previous = prop;
    if (!spec && before && misspeltRateUnit(before, prop, place, diagnostics)) {
      // The number before the unit is not read as requests per second: the unit is in doubt.
      values.delete(before.key.text);
      ranges.delete(before.key.text);
      continue;
    }
    if (!spec || (kind && !appliesToKind(spec, kind))) {
      const valid = propertiesFor(place, kind).map((s) => s.key);
      const suggestion = closest(key, valid);
      let message = `'${key}' is not a property of ${placeName(place, kind)}`;
      if (spec?.kinds) message += `: it applies only to ${spec.kinds.join(' and ')} components`;
      else {
        const elsewhere = PROPERTIES.find((s) => s.key === key);
        if (elsewhere) message += ` (it belongs on ${elsewhere.places.map((p) => PLACE_NAMES[p]).join(' or ')})`;
      }
      // The key's value is not read: the figures use the intended key's default until it is fixed.
      const assumed = suggestion && propertySpec(place, suggestion)?.default !== undefined ? ` Until it is fixed, the figures use the default for '${suggestion}'.` : '';
      diagnostics.push({
        code: 'unknown-property',
        severity: 'error',
        message: message + didYouMean(suggestion) + assumed,
        range: prop.key.range,
        data: suggestion ? { suggestion, meant: true } : undefined,
      });
      continue;
    }
    const first = ranges.get(key);
    if (first) {
      diagnostics.push({
        code: 'invalid-value',
        severity: 'error',
        message: `'${key}' is set twice in this block; remove one (the last value is used)`,
        range: prop.key.range,
        related: [{ message: `'${key}' is first set here`, range: first }],
      });
    }
    const value = convertValue(prop, spec, diagnostics);
    if (value !== undefined) {
      values.set(key, value);
      ranges.set(key, prop.range);
    }
  }
  return { values, ranges };
}
