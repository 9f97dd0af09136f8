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
  values: Map<string, Converted>;
  ranges: Map<string, Range>;
}

const PLACE_NAMES: Record<Place, string> = { system: 'a system', group: 'a zone or region', component: 'a component', edge: 'an edge' };

export function readProperties(
  props: PropertyNode[],
  place: Place,
  diagnostics: Diagnostic[],
  kind?: ComponentKind,
): ReadProperties {
  const values = new Map<string, Converted>();
  const ranges = new Map<string, Range>();
  // "a service", "an external", and plain "users"/"client" (their kind words read as plurals or roles).
  const where = place === 'component' && kind ? (kind === 'users' || kind === 'client' ? `${kind} entries` : `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`) : PLACE_NAMES[place];
  for (const prop of props) {
    const key = prop.key.text;
    const spec = propertySpec(place, key);
    if (!spec || (kind && !appliesToKind(spec, kind))) {
      const valid = propertiesFor(place, kind).map((s) => s.key);
      const suggestion = closest(key, valid);
      let message = `'${key}' is not a property of ${where}`;
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
