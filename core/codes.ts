/**
 * Every diagnostic code of docs/language.md §9 with its default severity and a
 * one-line summary, declared once. Rules, the lint block, the CLI's SARIF
 * rules and the diagnostic catalogue in docs all read this table.
 */
import type { Severity } from './diagnostic';

export interface CodeSpec {
  code: string;
  severity: Severity;
  summary: string;
  /** What to do about it, shown in the catalogue. */
  fix: string;
  /** The editor's quick fix, when there is one (server/features/code-actions.ts), for the catalogue. */
  quickFix?: string;
}

export const CODES = [
  { code: 'syntax', severity: 'error', summary: 'The text does not parse; recovery continues and every error is reported.', fix: 'Read the message: it says what was expected and where. Recovery continues, so fix the first error first.', quickFix: 'close a string that misses its quote; join a string written over two lines; add a forgotten `:` (`replicas 2`); split a declaration written as an edge (`service a -> b`) into a declaration and an edge; the closest unit for a misspelt one glued to its number (`30mss` → `30ms`).' },
  { code: 'unknown-reference', severity: 'error', summary: 'An edge or `zones:` names nothing that is declared.', fix: 'Declare the component or zone, or correct the name (the message suggests the closest one). Edges connect components; `zones:` lists zones.', quickFix: 'the closest declared name; or, after an arrow, declare the unknown name as a service.' },
  { code: 'duplicate-name', severity: 'error', summary: 'A name is declared twice in a system.', fix: 'Rename one of the two declarations; names are unique across components, zones and regions of a system.' },
  { code: 'unknown-property', severity: 'error', summary: 'A key that is not valid in that place.', fix: 'Use a key valid in that place (the message suggests the closest); some keys belong only to one kind (`hit` to caches, `rps` to users).', quickFix: 'the closest key valid there (a key cut short counts: `cap` → `capacity`).' },
  { code: 'invalid-value', severity: 'error', summary: 'A value of the wrong type or unit, or out of range.', fix: 'Write the value with the type and unit the property takes (`99.9%`, `30s`, `2500 rps`, a whole number, one of the listed words).', quickFix: 'a unit for a bare duration (`20ms` or `20s`, to choose), `99.9%` for `0.999` or `99.9`, `rps` for a misspelt rate unit (`2500 rsp`), quotes around a bare word where a string belongs, the closest word of an enum or a severity.' },
  { code: 'no-entry', severity: 'warning', summary: 'A system with components but no `users`.', fix: 'Add a `users` component with `rps` that calls into the system, so availability and load can be computed.', quickFix: 'add `users web { rps: 100 }` calling every component nothing calls (then set the real rate).' },
  { code: 'spof', severity: 'warning', summary: 'A component whose failure alone takes an entry down and that cannot lose one instance.', fix: 'Add replicas (`replicas: 2`), or an alternative (`a -> b | b2`), or make the call `optional` if the caller can degrade.', quickFix: 'add the replicas that remove it; for an `external`, which someone else runs, make its one call `optional` (not preferred).' },
  { code: 'zone-spof', severity: 'warning', summary: 'A zone or region whose failure alone takes an entry down.', fix: 'Spread the components that live only in that zone over several zones (`zones: a, b`), or add an alternative in another zone or region.', quickFix: 'spread the components that live only in that zone over the declared zones.' },
  { code: 'no-replica', severity: 'warning', summary: 'A database, storage or queue with one instance: data loss on failure.', fix: 'Add `replicas: 2` (and choose `replication`).', quickFix: 'add `replicas: 2`.' },
  { code: 'async-replication', severity: 'info', summary: 'Async replication: writes can be lost on failover (RPO > 0).', fix: 'Accept the RPO, or write `replication: sync` (at a latency cost).', quickFix: 'write `replication: sync` (offered, never preferred: it costs write latency).' },
  { code: 'cross-region-sync', severity: 'warning', summary: 'Sync replication across regions: every write waits for a remote round trip.', fix: 'Keep synchronous replicas within one region and replicate across regions asynchronously.', quickFix: 'write `replication: async` (offered, never preferred: it accepts an RPO).' },
  { code: 'cold-standby', severity: 'info', summary: 'A cold standby on a path an entry needs.', fix: 'Use `standby: warm` or `hot`, or accept the failover time in the figures.', quickFix: 'write `standby: warm` (offered, never preferred).' },
  { code: 'stateful-scale-out', severity: 'warning', summary: 'A `stateful` service with replicas > 1.', fix: 'Move session state to a cache or database, or use sticky sessions knowingly.' },
  { code: 'overload', severity: 'error', summary: 'Utilisation at peak above 100%.', fix: 'Add replicas or capacity, or reduce the load reaching the component (a cache, `share`).', quickFix: 'set the fewest replicas that clear `overload`, `hot` and `no-headroom` together, computed from the same figures; for an active-passive component, the `capacity` its one active instance needs (not preferred).' },
  { code: 'hot', severity: 'warning', summary: 'Utilisation at peak above `max-utilisation`.', fix: 'Add replicas or capacity, or raise `max-utilisation` if the headroom is deliberate.', quickFix: 'set the fewest replicas that clear `overload`, `hot` and `no-headroom` together; for an active-passive component, the `capacity` its one active instance needs (not preferred).' },
  { code: 'no-headroom', severity: 'warning', summary: 'Losing one instance, the largest zone or region, or the busiest other member of its alternatives group pushes utilisation above 100%.', fix: 'Add a replica or capacity, or spread replicas so the largest zone or region holds fewer of them.', quickFix: 'set the fewest replicas that clear `overload`, `hot` and `no-headroom` together, counting the fullest zone and region; after an alternative\'s failover, the replicas that carry the moved load.' },
  { code: 'cache-failure-overload', severity: 'warning', summary: "The cache's failure pushes a downstream component above 100%.", fix: 'Give the downstream component the capacity to serve without the cache, or make the cache redundant.', quickFix: 'set the fewest replicas that carry the load the cache absorbed; for an active-passive component, whose one active instance carries it all, the per-instance `capacity` it needs (not preferred: a claim about the hardware).' },
  { code: 'no-capacity', severity: 'hint', summary: 'Load reaches a component that declares no capacity.', fix: 'Declare `capacity: N rps` (per instance) so utilisation can be checked.' },
  { code: 'slo-unmet', severity: 'error', summary: 'Computed availability below `slo` (an estimate whose interval straddles `slo` is undecided, not unmet).', fix: 'Remove the single points of failure on the weakest entry\'s path, add redundancy, or revisit the `slo`.' },
  { code: 'sla-above-slo', severity: 'warning', summary: '`sla` is not below `slo`.', fix: 'Promise less than you aim for: keep `sla` below `slo`.' },
  { code: 'latency-slo-unmet', severity: 'warning', summary: "An entry's latency above `latency-slo`.", fix: 'Shorten the slowest path (the message lists it): parallelise, cache, or cut a hop.' },
  { code: 'sync-cycle', severity: 'warning', summary: 'A cycle of non-optional `->` edges.', fix: 'Break the cycle: make one call asynchronous (`~>`) or `optional`.', quickFix: 'make the call that closes the cycle async (`~>`) or `optional`, where its arrow joins one caller to one callee.' },
  { code: 'unreachable', severity: 'info', summary: 'A component no entry reaches.', fix: 'Connect the component to the rest (`x -> it`) or remove it.' },
  { code: 'no-breaker', severity: 'info', summary: 'A non-optional call to an `external` without `breaker` or `timeout`.', fix: 'Add `{ timeout: 2s; breaker }` to the edge, or make the call `optional`.', quickFix: 'add `timeout: 2s` and `breaker` to the call.' },
] as const satisfies readonly CodeSpec[];

export type DiagnosticCode = (typeof CODES)[number]['code'];

/**
 * Errors in the text itself. The model cannot be trusted while one stands, so
 * they are fixed, not silenced: the editor offers no `sysd-ignore` or lint-off
 * fix for them and does not complete them after `// sysd-ignore`.
 */
export const TEXT_ERRORS: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['syntax', 'unknown-reference', 'duplicate-name', 'unknown-property', 'invalid-value']);

const byCode = new Map<string, CodeSpec>(CODES.map((c) => [c.code, c]));

export function codeSpec(code: string): CodeSpec | undefined {
  return byCode.get(code);
}

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return byCode.has(code);
}


/** Where the catalogue lives, for LSP codeDescription links and SARIF helpUri. */
export const CATALOGUE_URL = 'https://github.com/sysd-dev/sysd/blob/main/docs/diagnostics.md';
export function codeUrl(code: string): string {
  return `${CATALOGUE_URL}#${code}`;
}
