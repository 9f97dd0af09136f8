/**
 * The property schema of docs/language.md §5, declared once. Validation in the
 * model builder, hover and completion in the server, and the reference page
 * in docs/language.md are all generated from this table.
 */
import { KINDS, kindsWhere, type ComponentKind } from './kinds';
import type { Standby } from './types';

export type Place = 'system' | 'group' | 'component' | 'edge';

export type ValueType =
  | 'percent' // a number with %, stored as a fraction
  | 'duration' // ms s min h d, stored in seconds
  | 'rate' // rps qps rpm, stored per second
  | 'integer'
  | 'number'
  | 'enum'
  | 'flag'
  | 'string'
  | 'names'; // one or more names (zones:)

export interface PropertySpec {
  key: string;
  places: readonly Place[];
  /** For component properties: the kinds it applies to (all when absent). */
  kinds?: readonly ComponentKind[];
  type: ValueType;
  values?: readonly string[];
  /** Inclusive bounds on the normalised value. */
  min?: number;
  max?: number;
  /** True when the lower bound is exclusive (`calls` > 0). */
  minExclusive?: boolean;
  /** The default, as a typed value (the text users read is derived from it: `describeDefault`). */
  default?: Default;
  /** Said after the default in the reference and hover, where the default depends on the place. */
  defaultNote?: string;
  doc: string;
}

/**
 * A property's default, declared once as data: the model builder applies
 * it and the reference, hover and completion describe it from the same value.
 */
export type Default =
  /** One value, in the normalised unit of the type (fractions, seconds, requests per second). */
  | { value: number | string | boolean }
  /** `failover`: seconds by `standby`. */
  | { byStandby: Readonly<Record<Standby, number>> }
  /** `mode`: active-passive for the kinds flagged so in core/model/kinds.ts, else active-active. */
  | { byKind: true }
  /** `replication`: one value when the component has more than one replica, another when it has one. */
  | { replicated: string; single: string }
  /** `peak`: the value of another key of the same block. */
  | { sameAs: string };

export const PROPERTIES: readonly PropertySpec[] = [
  // System
  { key: 'slo', places: ['system'], type: 'percent', min: 0, max: 1, doc: 'Availability objective, compared with the computed figure.' },
  { key: 'sla', places: ['system'], type: 'percent', min: 0, max: 1, doc: 'Contractual availability; must be lower than `slo`.' },
  { key: 'latency-slo', places: ['system'], type: 'duration', min: 0, doc: 'End-to-end latency objective for every entry.' },
  { key: 'max-utilisation', places: ['system'], type: 'percent', min: 0, max: 10, default: { value: 0.8 }, doc: 'Utilisation above this at peak is a warning (`hot`).' },
  { key: 'direction', places: ['system'], type: 'enum', values: ['right', 'down'], default: { value: 'right' }, doc: 'Diagram flow direction.' },
  // Zone or region, and component
  { key: 'availability', places: ['group', 'component'], type: 'percent', min: 0, max: 1, default: { value: 0.999 }, defaultNote: 'on a component; none on a zone or region: the group never fails', doc: 'Probability of being up: of one instance on a component, of the whole group on a zone or region.' },
  // Component
  { key: 'replicas', places: ['component'], type: 'integer', min: 1, default: { value: 1 }, doc: 'Number of instances.' },
  { key: 'min-up', places: ['component'], type: 'integer', min: 1, default: { value: 1 }, doc: 'Instances that must be up for the component to be up (at most `replicas`).' },
  { key: 'mode', places: ['component'], type: 'enum', values: ['active-active', 'active-passive'], default: { byKind: true }, doc: 'Redundancy scheme.' },
  { key: 'standby', places: ['component'], type: 'enum', values: ['hot', 'warm', 'cold'], default: { value: 'hot' }, doc: 'Readiness of passive instances.' },
  { key: 'failover', places: ['component'], type: 'duration', min: 0, default: { byStandby: { hot: 10, warm: 120, cold: 600 } }, doc: 'Time to promote a standby.' },
  { key: 'mtbf', places: ['component'], type: 'duration', minExclusive: true, min: 0, doc: 'Mean time between failures; with `mttr` it gives availability = mtbf / (mtbf + mttr).' },
  { key: 'mttr', places: ['component'], type: 'duration', minExclusive: true, min: 0, default: { value: 3600 }, doc: 'Mean time to repair one instance.' },
  { key: 'capacity', places: ['component'], type: 'rate', minExclusive: true, min: 0, doc: 'Requests per second one instance serves.' },
  { key: 'latency', places: ['component', 'edge'], type: 'duration', min: 0, default: { value: 0 }, doc: 'Time added to a request: by the component, or by the network hop on an edge.' },
  { key: 'zones', places: ['component'], type: 'names', doc: 'Zones the replicas are spread over, in order (instance i runs in zone i mod n).' },
  { key: 'hit', places: ['component'], kinds: ['cache'], type: 'percent', min: 0, max: 1, default: { value: 0 }, doc: 'Share of requests the cache answers without calling onward.' },
  { key: 'replication', places: ['component'], kinds: kindsWhere('storesData'), type: 'enum', values: ['sync', 'async', 'none'], default: { replicated: 'async', single: 'none' }, doc: 'How writes reach the replicas.' },
  { key: 'stateful', places: ['component'], kinds: ['service', 'worker'], type: 'flag', default: { value: false }, doc: 'The component keeps session state in memory.' },
  { key: 'rps', places: ['component'], kinds: kindsWhere('entry'), type: 'rate', min: 0, doc: 'Average request rate of this entry.' },
  { key: 'peak', places: ['component'], kinds: kindsWhere('entry'), type: 'rate', min: 0, default: { sameAs: 'rps' }, doc: 'Peak request rate of this entry; a peak below `rps` is an `invalid-value` error.' },
  { key: 'technology', places: ['component'], type: 'string', doc: 'Shown in hover and diagram.' },
  { key: 'description', places: ['component'], type: 'string', doc: 'Shown in hover and diagram.' },
  { key: 'owner', places: ['component'], type: 'string', doc: 'Shown in hover and diagram.' },
  // Edge
  { key: 'optional', places: ['edge'], type: 'flag', default: { value: false }, doc: 'The caller still succeeds if the call fails (degraded).' },
  { key: 'calls', places: ['edge'], type: 'number', min: 0, minExclusive: true, default: { value: 1 }, doc: 'Calls made per incoming request.' },
  { key: 'share', places: ['edge'], type: 'percent', min: 0, max: 1, default: { value: 1 }, doc: 'Share of incoming requests that make this call.' },
  { key: 'timeout', places: ['edge'], type: 'duration', minExclusive: true, min: 0, doc: "The caller's timeout." },
  { key: 'retries', places: ['edge'], type: 'integer', min: 0, default: { value: 0 }, doc: "The caller's retries." },
  { key: 'breaker', places: ['edge'], type: 'flag', default: { value: false }, doc: 'The caller has a circuit breaker.' },
  { key: 'protocol', places: ['edge'], type: 'string', doc: 'Shown only.' },
];

const byPlace = new Map<Place, Map<string, PropertySpec>>();
for (const spec of PROPERTIES) {
  for (const place of spec.places) {
    if (!byPlace.has(place)) byPlace.set(place, new Map());
    byPlace.get(place)!.set(spec.key, spec);
  }
}

/** The spec of `key` at `place`, ignoring kind restrictions. */
export function propertySpec(place: Place, key: string): PropertySpec | undefined {
  return byPlace.get(place)?.get(key);
}

/** The keys valid at a place (and, for a component, for its kind). */
export function propertiesFor(place: Place, kind?: ComponentKind): PropertySpec[] {
  return [...(byPlace.get(place)?.values() ?? [])].filter(
    (s) => place !== 'component' || !s.kinds || (kind !== undefined && s.kinds.includes(kind)),
  );
}

export function appliesToKind(spec: PropertySpec, kind: ComponentKind): boolean {
  return !spec.kinds || spec.kinds.includes(kind);
}

/** Short, human name of a value type for messages and docs. */
export function describeType(spec: PropertySpec): string {
  switch (spec.type) {
    case 'percent': return 'a percentage such as 99.9%';
    case 'duration': return 'a duration such as 250ms, 30s, 5min, 2h or 1d';
    case 'rate': return 'a rate such as 2500 rps, 2k qps or 60 rpm';
    case 'integer': return 'a whole number';
    case 'number': return 'a number';
    case 'enum': return `one of ${spec.values!.map((v) => `'${v}'`).join(', ')}`;
    case 'flag': return 'no value (a flag), or true or false';
    case 'string': return 'a string in double quotes';
    case 'names': return 'one or more zone names separated by commas';
  }
}

/** Component kinds and their one-line docs (docs/language.md §4), from the kinds table. */
export const KIND_DOCS: Record<ComponentKind, string> = Object.fromEntries(Object.entries(KINDS).map(([k, spec]) => [k, spec.doc])) as Record<ComponentKind, string>;

/** A normalised value written as the language writes it: 0.999 → `99.9%`, 600 → `10min`, 1 → `1`. */
export function writeValue(type: ValueType, value: number | string | boolean): string {
  if (typeof value !== 'number') return String(value);
  const exact = (n: number) => String(+n.toPrecision(12));
  switch (type) {
    case 'percent':
      return `${exact(value * 100)}%`;
    case 'duration': {
      if (value === 0) return '0';
      const unit = ([['d', 86_400], ['h', 3600], ['min', 60], ['s', 1]] as const).find(([, size]) => value >= size && Number.isInteger(+(value / size).toPrecision(12)));
      return unit ? `${exact(value / unit[1])}${unit[0]}` : `${exact(value * 1000)}ms`;
    }
    case 'rate':
      return `${exact(value)} rps`;
    default:
      return exact(value);
  }
}

/** The default of a property as users read it (reference, hover, completion), derived from the typed value. */
export function describeDefault(spec: PropertySpec): string | undefined {
  const d = spec.default;
  if (!d) return undefined;
  let text: string;
  if ('value' in d) text = writeValue(spec.type, d.value);
  else if ('byStandby' in d) text = Object.entries(d.byStandby).map(([standby, seconds]) => `${standby} ${writeValue('duration', seconds)}`).join(', ');
  else if ('byKind' in d) text = `active-passive for ${kindsWhere('activePassive').join(' and ')}, else active-active`;
  else if ('replicated' in d) text = `${d.replicated} when replicas > 1, else ${d.single}`;
  else text = d.sameAs;
  return spec.defaultNote ? `${text} (${spec.defaultNote})` : text;
}

/** The plain default value of `key` at `place` (a `{ value }` default); throws for a key without one, a bug. */
export function defaultValue<T extends number | string | boolean>(place: Place, key: string): T {
  const d = propertySpec(place, key)?.default;
  if (!d || !('value' in d)) throw new Error(`schema: '${key}' has no plain default`);
  return d.value as T;
}

/** Seconds a standby takes to fail over by default, from the schema. */
export function defaultFailover(standby: Standby): number {
  const d = propertySpec('component', 'failover')?.default;
  if (!d || !('byStandby' in d)) throw new Error("schema: 'failover' has no default by standby");
  return d.byStandby[standby];
}
