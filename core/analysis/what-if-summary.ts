/**
 * The one line a person reads first after failing something in the preview:
 * what failed, which entries are still served, what is over capacity and
 * which SPOFs (components, zones, regions) the failure created, for example
 * "zone use1-a down: shoppers still served; api at 120% of capacity; new SPOFs: alb and zone use1-b".
 * Built from core's what-if figures and formatted with core/format.ts, so
 * every surface shows the same sentence.
 */
import { formatPercent } from '../format';
import type { SystemModel } from '../model/types';
import type { SystemFigures } from './types';
import type { WhatIfResult } from './what-if';

/** More names than this are counted rather than listed. */
const LISTED = 3;

export function whatIfSummary(system: SystemModel, r: WhatIfResult, normal: SystemFigures | undefined): string {
  const failed = [
    ...r.failedGroups.map((g) => `${system.groupsByName.get(g)?.type ?? 'zone'} ${g}`),
    ...r.failedComponents,
  ];
  const head = failed.length === 0 ? 'nothing failed' : `${list(failed)} down`;
  const parts: string[] = [];

  const served = r.entries.filter((e) => e.served).map((e) => e.name);
  if (r.unservedEntries.length > 0) parts.push(`${names(r.unservedEntries, 'entry', 'entries')} no longer served`);
  if (served.length > 0) parts.push(`${r.unservedEntries.length === 0 && served.length > LISTED ? `all ${served.length} entries` : names(served, 'entry', 'entries')} still served`);

  // What the failure pushed over capacity comes first; what was over capacity already, after.
  const overBefore = new Set(normal?.components.filter((c) => c.utilisationLevel === 'overload').map((c) => c.name) ?? []);
  const over = r.components
    .filter((c) => c.utilisationLevel === 'overload')
    .sort((a, b) => Number(overBefore.has(a.name)) - Number(overBefore.has(b.name)) || b.utilisation! - a.utilisation!);
  if (over.length > 0) {
    const shown = over.slice(0, 2).map((c) => `${c.name} at ${formatPercent(c.utilisation!)} of capacity`);
    if (over.length > 2) shown.push(`${over.length - 2} more over capacity`);
    parts.push(shown.join(', '));
  } else {
    const busiest = r.components
      .filter((c) => c.utilisation !== undefined && Number.isFinite(c.utilisation) && c.utilisation > 0)
      .sort((a, b) => b.utilisation! - a.utilisation!)[0];
    parts.push(busiest ? `nothing over capacity (busiest: ${busiest.name} at ${formatPercent(busiest.utilisation!)})` : 'nothing over capacity');
  }

  const before = new Set(normal?.components.filter((c) => c.spof).map((c) => c.name) ?? []);
  const groupsBefore = new Set(normal?.groups.filter((g) => g.breaks.length > 0).map((g) => g.name) ?? []);
  const created = [
    ...r.spofs.filter((s) => !before.has(s)),
    ...r.zoneSpofs.filter((g) => !groupsBefore.has(g.name)).map((g) => `${system.groupsByName.get(g.name)?.type ?? 'zone'} ${g.name}`),
  ];
  if (normal && created.length > 0) parts.push(`new ${created.length === 1 ? 'SPOF' : 'SPOFs'}: ${list(created)}`);
  if (r.unknown.length > 0) parts.push(`not in the model: ${list(r.unknown)}`);
  return `${head}: ${parts.join('; ')}`;
}

/** "a", "a and b", "a, b and c", "a, b, c and 2 more". */
function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length > LISTED + 1) return `${items.slice(0, LISTED).join(', ')} and ${items.length - LISTED} more`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Names when few, a count when many: "apps", "7 entries". */
function names(items: string[], one: string, many: string): string {
  return items.length > LISTED + 1 ? `${items.length} ${items.length === 1 ? one : many}` : list(items);
}
