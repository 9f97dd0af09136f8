/**
 * Every diagnostic code of LANGUAGE.md §9 with its default severity and a
 * one-line summary, declared once. Rules, the lint block, the CLI's SARIF
 * rules and the diagnostic catalogue in docs all read this table.
 */
import type { Severity } from './diagnostic';

export interface CodeSpec {
  code: string;
  severity: Severity;
  summary: string;
}

export const CODES = [
  { code: 'syntax', severity: 'error', summary: 'The text does not parse; recovery continues and every error is reported.' },
  { code: 'unknown-reference', severity: 'error', summary: 'An edge or `zones:` names nothing that is declared.' },
  { code: 'duplicate-name', severity: 'error', summary: 'A name is declared twice in a system.' },
  { code: 'unknown-property', severity: 'error', summary: 'A key that is not valid in that place.' },
  { code: 'invalid-value', severity: 'error', summary: 'A value of the wrong type or unit, or out of range.' },
  { code: 'no-entry', severity: 'warning', summary: 'A system with components but no `users`.' },
  { code: 'spof', severity: 'warning', summary: 'A component whose failure alone takes an entry down and that cannot lose one instance.' },
  { code: 'zone-spof', severity: 'warning', summary: 'A zone or region whose failure alone takes an entry down.' },
  { code: 'no-replica', severity: 'warning', summary: 'A database, storage or queue with one instance: data loss on failure.' },
  { code: 'async-replication', severity: 'info', summary: 'Async replication: writes can be lost on failover (RPO > 0).' },
  { code: 'cross-region-sync', severity: 'warning', summary: 'Sync replication across regions: every write waits for a remote round trip.' },
  { code: 'cold-standby', severity: 'info', summary: 'A cold standby on a path an entry needs.' },
  { code: 'stateful-scale-out', severity: 'warning', summary: 'A `stateful` service with replicas > 1.' },
  { code: 'overload', severity: 'error', summary: 'Utilisation at peak above 100%.' },
  { code: 'hot', severity: 'warning', summary: 'Utilisation at peak above `max-utilisation`.' },
  { code: 'no-headroom', severity: 'warning', summary: 'Losing one instance (or the largest zone) pushes utilisation above 100%.' },
  { code: 'cache-failure-overload', severity: 'warning', summary: "The cache's failure pushes a downstream component above 100%." },
  { code: 'no-capacity', severity: 'hint', summary: 'Load reaches a component that declares no capacity.' },
  { code: 'slo-unmet', severity: 'error', summary: 'Computed availability below `slo`.' },
  { code: 'sla-above-slo', severity: 'warning', summary: '`sla` is not below `slo`.' },
  { code: 'latency-slo-unmet', severity: 'warning', summary: "An entry's latency above `latency-slo`." },
  { code: 'sync-cycle', severity: 'warning', summary: 'A cycle of non-optional `->` edges.' },
  { code: 'unreachable', severity: 'info', summary: 'A component no entry reaches.' },
  { code: 'no-breaker', severity: 'info', summary: 'A non-optional call to an `external` without `breaker` or `timeout`.' },
] as const satisfies readonly CodeSpec[];

export type DiagnosticCode = (typeof CODES)[number]['code'];

const byCode = new Map<string, CodeSpec>(CODES.map((c) => [c.code, c]));

export function codeSpec(code: string): CodeSpec | undefined {
  return byCode.get(code);
}

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return byCode.has(code);
}

export function defaultSeverity(code: DiagnosticCode): Severity {
  return byCode.get(code)!.severity;
}

/** Where the catalogue lives, for LSP codeDescription links and SARIF helpUri. */
export const CATALOGUE_URL = 'https://github.com/sysd-dev/sysd/blob/main/docs/diagnostics.md';
export function codeUrl(code: string): string {
  return `${CATALOGUE_URL}#${code}`;
}
