/**
 * The exact engine: build the served diagrams once, then for every state of
 * the failing zones and regions give each component variable its
 * conditional up/down probability and sum P(not served) over the diagram.
 * Work is (group states) × (diagram nodes); it stops and reports why when it
 * passes its deadline, so the caller can fall back to Monte Carlo.
 */
import { BddTooLarge, FALSE, TRUE } from './bdd';
import { countedInstances, failingGroupsOf, type Groups, type Placement } from './component-up';
import { countGroupStates, forEachGroupState, orderGroups } from './group-states';
import { buildServedDiagrams } from './served-diagram';
import type { ServiceGraph } from './service-graph';

/** More group states than this are not even attempted exactly. */
export const MAX_GROUP_STATES = 1 << 20;

export type ExactOutcome =
  | { kind: 'exact'; unavailability: number[] }
  | { kind: 'fallback'; reason: string }
  | { kind: 'cancelled' };

export interface ExactOptions {
  deadline: number;
  budgetMs: number;
  isCancelled: () => boolean;
}

export function exactUnavailability(
  g: ServiceGraph,
  placements: Placement[],
  groups: Groups,
  opts: ExactOptions,
): ExactOutcome {
  let diagrams;
  try {
    diagrams = buildServedDiagrams(g, () => opts.isCancelled() || Date.now() > opts.deadline);
  } catch (err) {
    if (err instanceof BddTooLarge) return { kind: 'fallback', reason: `the decision diagram grew too large (${err.message})` };
    if (err instanceof RangeError) return { kind: 'fallback', reason: 'the dependency graph is too deep for the exact method' };
    throw err;
  }
  if (!diagrams) {
    if (opts.isCancelled()) return { kind: 'cancelled' };
    return { kind: 'fallback', reason: `building the decision diagram passed the ${opts.budgetMs} ms budget` };
  }
  const { bdd, vars, roots } = diagrams;
  const nv = vars.nodeOf.length;
  const qUp = new Float64Array(nv);
  const qDown = new Float64Array(nv);
  const allUp = new Uint8Array(groups.names.length).fill(1);
  const relevant = new Set<number>();
  const affected: number[] = [];
  for (let v = 0; v < nv; v++) {
    const pl = placements[vars.nodeOf[v]];
    const t = pl.table[countedInstances(pl, groups, allUp)];
    qUp[v] = t.up;
    qDown[v] = t.down;
    const fg = failingGroupsOf(pl, groups);
    if (fg.length > 0) affected.push(v);
    for (const x of fg) relevant.add(x);
  }
  const ordered = orderGroups([...relevant], groups);
  const states = countGroupStates(ordered, groups);
  if (states > MAX_GROUP_STATES) {
    return { kind: 'fallback', reason: `${ordered.length} zones and regions can fail: ${states} states is past the exact method's limit` };
  }
  const nodes = bdd.reachable(roots);
  const u = new Float64Array(bdd.size);
  u[FALSE] = 1;
  u[TRUE] = 0;
  const total = new Float64Array(roots.length);
  let visited = 0;
  let timedOut = false;
  let cancelled = false;
  const finished = forEachGroupState(ordered, groups, (groupUp, prob) => {
    if ((visited++ & 15) === 0) {
      if (opts.isCancelled()) {
        cancelled = true;
        return false;
      }
      if (visited > 1 && Date.now() > opts.deadline) {
        timedOut = true;
        return false;
      }
    }
    for (const v of affected) {
      const pl = placements[vars.nodeOf[v]];
      const t = pl.table[countedInstances(pl, groups, groupUp)];
      qUp[v] = t.up;
      qDown[v] = t.down;
    }
    const variable = bdd.variable;
    const low = bdd.low;
    const high = bdd.high;
    for (let i = 0; i < nodes.length; i++) {
      const id = nodes[i];
      const v = variable[id];
      u[id] = qUp[v] * u[high[id]] + qDown[v] * u[low[id]];
    }
    for (let r = 0; r < roots.length; r++) total[r] += prob * u[roots[r]];
    return true;
  });
  if (cancelled) return { kind: 'cancelled' };
  if (!finished || timedOut) {
    return {
      kind: 'fallback',
      reason: `exact evaluation of ${states} zone/region states × ${nodes.length} diagram nodes passed the ${opts.budgetMs} ms budget`,
    };
  }
  return { kind: 'exact', unavailability: [...total].map((x) => Math.min(1, Math.max(0, x))) };
}
