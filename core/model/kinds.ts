/**
 * The component kinds of docs/language.md §4, declared once with what each
 * one implies: whether it is an entry point (where traffic comes from, never
 * a component that fails), whether it stores data (takes `replication`, and
 * one instance is a `no-replica`), and whether it is active-passive unless
 * told otherwise. Everything that asks "is this an entry?" reads this table.
 */
export interface KindSpec {
  doc: string;
  /** Where traffic comes from: takes `rps` and `peak`, and never fails. */
  entry?: true;
  /** A stateful store: takes `replication`. */
  storesData?: true;
  /** `mode: active-passive` unless the component says otherwise. */
  activePassive?: true;
}

export const KINDS = {
  users: { doc: 'An entry point: where traffic comes from. Not a component that fails. Takes `rps` and `peak`.', entry: true },
  client: { doc: 'Synonym of `users`: an entry point.', entry: true },
  dns: { doc: 'Name resolution.' },
  cdn: { doc: 'Edge cache / content delivery.' },
  lb: { doc: 'Load balancer.' },
  gateway: { doc: 'API gateway.' },
  service: { doc: 'Stateless request handler.' },
  worker: { doc: 'Background consumer.' },
  function: { doc: 'Serverless function.' },
  cache: { doc: 'In-memory cache. Takes `hit`.' },
  database: { doc: 'Stateful store. Default `mode: active-passive`.', storesData: true, activePassive: true },
  storage: { doc: 'Object/blob store. Default `mode: active-passive`.', storesData: true, activePassive: true },
  queue: { doc: 'Message queue / log.' },
  external: { doc: 'Third-party service you cannot change.' },
} as const satisfies Record<string, KindSpec>;

export type ComponentKind = keyof typeof KINDS;

/** Every kind, in the order of the reference. */
export const COMPONENT_KINDS = Object.keys(KINDS) as ComponentKind[];

const spec = (kind: string): KindSpec | undefined => (KINDS as Record<string, KindSpec>)[kind];

export function isComponentKind(word: string): word is ComponentKind {
  return Object.prototype.hasOwnProperty.call(KINDS, word);
}

/** An entry point (`users`, `client`). Takes a string so callers may ask of a keyword they have not checked. */
export function isEntryKind(kind: string): boolean {
  return spec(kind)?.entry === true;
}

export function storesData(kind: string): boolean {
  return spec(kind)?.storesData === true;
}

export function activePassiveByDefault(kind: string): boolean {
  return spec(kind)?.activePassive === true;
}

/** The kinds that have a flag, for the schema's `kinds:` lists. */
export function kindsWhere(flag: 'entry' | 'storesData' | 'activePassive'): ComponentKind[] {
  return COMPONENT_KINDS.filter((k) => spec(k)?.[flag] === true);
}
