/**
 * The property schema of docs/language.md §5, declared once. Validation in the
 * model builder, hover and completion in the server, and the reference page
 * in docs/language.md are all generated from this table.
 */
import type { ComponentKind } from './types';

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
  /** The default as a user reads it, or undefined when there is none. */
  default?: string;
  doc: string;
}

export const PROPERTIES: readonly PropertySpec[] = [
  // System
  { key: 'slo', places: ['system'], type: 'percent', min: 0, max: 1, doc: 'Availability objective, compared with the computed figure.' },
  { key: 'sla', places: ['system'], type: 'percent', min: 0, max: 1, doc: 'Contractual availability; must be lower than `slo`.' },
  { key: 'latency-slo', places: ['system'], type: 'duration', min: 0, doc: 'End-to-end latency objective for every entry.' },
  { key: 'max-utilisation', places: ['system'], type: 'percent', min: 0, max: 10, default: '80%', doc: 'Utilisation above this at peak is a warning (`hot`).' },
  { key: 'direction', places: ['system'], type: 'enum', values: ['right', 'down'], default: 'right', doc: 'Diagram flow direction.' },
  // Zone or region, and component
  { key: 'availability', places: ['group', 'component'], type: 'percent', min: 0, max: 1, default: '99.9% (component); none for a zone or region: the group never fails', doc: 'Probability of being up: of one instance on a component, of the whole group on a zone or region.' },
  // Component
  { key: 'replicas', places: ['component'], type: 'integer', min: 1, default: '1', doc: 'Number of instances.' },
  { key: 'min-up', places: ['component'], type: 'integer', min: 1, default: '1', doc: 'Instances that must be up for the component to be up (at most `replicas`).' },
  { key: 'mode', places: ['component'], type: 'enum', values: ['active-active', 'active-passive'], default: 'active-passive for database and storage, else active-active', doc: 'Redundancy scheme.' },
  { key: 'standby', places: ['component'], type: 'enum', values: ['hot', 'warm', 'cold'], default: 'hot', doc: 'Readiness of passive instances.' },
  { key: 'failover', places: ['component'], type: 'duration', min: 0, default: 'hot 10s, warm 2min, cold 10min', doc: 'Time to promote a standby.' },
  { key: 'mtbf', places: ['component'], type: 'duration', minExclusive: true, min: 0, doc: 'Mean time between failures; with `mttr` it gives availability = mtbf / (mtbf + mttr).' },
  { key: 'mttr', places: ['component'], type: 'duration', minExclusive: true, min: 0, default: '1h', doc: 'Mean time to repair one instance.' },
  { key: 'capacity', places: ['component'], type: 'rate', minExclusive: true, min: 0, doc: 'Requests per second one instance serves.' },
  { key: 'latency', places: ['component', 'edge'], type: 'duration', min: 0, default: '0', doc: 'Time added to a request: by the component, or by the network hop on an edge.' },
  { key: 'zones', places: ['component'], type: 'names', doc: 'Zones the replicas are spread over, in order (instance i runs in zone i mod n).' },
  { key: 'hit', places: ['component'], kinds: ['cache'], type: 'percent', min: 0, max: 1, default: '0%', doc: 'Share of requests the cache answers without calling onward.' },
  { key: 'replication', places: ['component'], kinds: ['database', 'storage'], type: 'enum', values: ['sync', 'async', 'none'], default: 'async when replicas > 1, else none', doc: 'How writes reach the replicas.' },
  { key: 'stateful', places: ['component'], kinds: ['service', 'worker'], type: 'flag', default: 'false', doc: 'The component keeps session state in memory.' },
  { key: 'rps', places: ['component'], kinds: ['users', 'client'], type: 'rate', min: 0, doc: 'Average request rate of this entry.' },
  { key: 'peak', places: ['component'], kinds: ['users', 'client'], type: 'rate', min: 0, default: 'rps', doc: 'Peak request rate of this entry; a peak below `rps` is an `invalid-value` error.' },
  { key: 'technology', places: ['component'], type: 'string', doc: 'Shown in hover and diagram.' },
  { key: 'description', places: ['component'], type: 'string', doc: 'Shown in hover and diagram.' },
  { key: 'owner', places: ['component'], type: 'string', doc: 'Shown in hover and diagram.' },
  // Edge
  { key: 'optional', places: ['edge'], type: 'flag', default: 'false', doc: 'The caller still succeeds if the call fails (degraded).' },
  { key: 'calls', places: ['edge'], type: 'number', min: 0, minExclusive: true, default: '1', doc: 'Calls made per incoming request.' },
  { key: 'share', places: ['edge'], type: 'percent', min: 0, max: 1, default: '100%', doc: 'Share of incoming requests that make this call.' },
  { key: 'timeout', places: ['edge'], type: 'duration', minExclusive: true, min: 0, doc: "The caller's timeout." },
  { key: 'retries', places: ['edge'], type: 'integer', min: 0, default: '0', doc: "The caller's retries." },
  { key: 'breaker', places: ['edge'], type: 'flag', default: 'false', doc: 'The caller has a circuit breaker.' },
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

/** Component kinds and their one-line docs (docs/language.md §4), for hover and completion. */
export const KIND_DOCS: Record<ComponentKind, string> = {
  users: 'An entry point: where traffic comes from. Not a component that fails. Takes `rps` and `peak`.',
  client: 'Synonym of `users`: an entry point.',
  dns: 'Name resolution.',
  cdn: 'Edge cache / content delivery.',
  lb: 'Load balancer.',
  gateway: 'API gateway.',
  service: 'Stateless request handler.',
  worker: 'Background consumer.',
  function: 'Serverless function.',
  cache: 'In-memory cache. Takes `hit`.',
  database: 'Stateful store. Default `mode: active-passive`.',
  storage: 'Object/blob store. Default `mode: active-passive`.',
  queue: 'Message queue / log.',
  external: 'Third-party service you cannot change.',
};
