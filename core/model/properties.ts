/**
 * Reads the properties of one block (a system, group, component, edge) into a
 * map of converted values, reporting unknown keys (with "did you mean"),
 * keys in the wrong place, keys set twice and invalid values.
 */
import type { PropertyNode } from '../../grammar/ast';
import type { Diagnostic, Range } from '../diagnostic';
import type { ComponentKind } from './types';
import { appliesToKind, propertiesFor, propertySpec, PROPERTIES, type Place } from './schema';
import { closest, didYouMean } from './suggest';
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
  return kind === 'users' || kind === 'client' ? `${kind} entries` : `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
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
  for (const prop of props) {
    const key = prop.key.text;
    const spec = propertySpec(place, key);
    if (!spec || (kind && !appliesToKind(spec, kind))) {
      const valid = propertiesFor(place, kind).map((s) => s.key);
      const suggestion = closest(key, valid);
      let message = `'${key}' is not a property of ${placeName(place, kind)}`;
      if (spec?.kinds) message += `: it applies only to ${spec.kinds.join(' and ')} components`;
      else {
        const elsewhere = PROPERTIES.find((s) => s.key === key);
        if (elsewhere) message += ` (it belongs on ${elsewhere.places.map((p) => PLACE_NAMES[p]).join(' or ')})`;
      }
      diagnostics.push({
        code: 'unknown-property',
        severity: 'error',
        message: message + didYouMean(suggestion),
        range: prop.key.range,
        data: suggestion ? { suggestion } : undefined,
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
