/**
 * Latency (docs/language.md §8): the worst time a request spends from each entry,
 * and from each component onward, along `->` edges, optional ones included:
 * an optional call is still made on every request, it is only allowed to fail.
 *
 * One memoised pass in depth-first post-order (iterative, see graph.ts), so the
 * cost is linear in components + edges and a 10,000-component chain cannot
 * overflow the call stack.
 *
 * Decisions the rules of docs/language.md leave open (recorded there):
 * - From a component onward: its own `latency`, plus the worst over its
 *   `->` edges of the edge's `latency` and the target's figure.
 *   "Calls are sequential" is read as: along one path each hop adds to the
 *   previous ones; a fan-out (`a -> b, c`) counts its slowest branch, not the
 *   sum of the branches.
 * - A cache counts its own latency in full and everything after it (edge
 *   latencies included) with weight (1 − hit): only misses go onward.
 * - Alternatives (`a -> b | c`): the worst alternative counts, since the
 *   figure is a worst case and the spec does not say which one is used.
 * - `calls`, `share`, `timeout` and `retries` do not change the figure.
 * - Cycles: the edge that closes a cycle (a back edge of the search, from the
 *   entries in source order, then the other components) is ignored.
 * - On a tie the edge written first wins, so the reported path is stable.
 * - An entry's own `latency` counts too (0 unless written).
 */
import type { SystemModel } from '../model/types';
import { ByName } from './by-name';
import { allRoots, depthFirst, isCall, type DepthFirst } from './graph';

export interface LatencyResult {
  /** Per entry: seconds, and the components along the slowest path, entry first. */
  entries: Map<string, { latency: number; path: string[] }>;
  /** Worst latency from this component onward, in seconds. */
  components: ReadonlyMap<string, number>;
  /** The same figures by component index (system.components order). */
  onward: Float64Array;
}

/**
 * `search`, when given, must be `depthFirst(system, isCall, allRoots(system))`.
 */
export function computeLatency(system: SystemModel, search: DepthFirst = depthFirst(system, isCall, allRoots(system))): LatencyResult {
  const { components: all, first, target, closes } = search;
  const onward = new Float64Array(all.length);
  const slowest = new Int32Array(all.length).fill(-1);
  // Post-order finishes every target of a non-closing edge before its caller.
  for (const at of search.postorder) {
    let worst = 0;
    for (let slot = first[at]; slot < first[at + 1]; slot++) {
      if (closes[slot]) continue;
      const after = search.edges[slot].latency + onward[target[slot]];
      if (slowest[at] < 0 || after > worst) {
        worst = after;
        slowest[at] = target[slot];
      }
    }
    const c = all[at];
    onward[at] = c.latency + (c.kind === 'cache' ? 1 - c.hit : 1) * worst;
  }

  const entries = new Map<string, { latency: number; path: string[] }>();
  for (let i = 0; i < all.length; i++) {
    const c = all[i];
    if (!c.isEntry) continue;
    const path = [c.name];
    // The chosen edges never close a cycle, so this walk ends.
    for (let at = slowest[i]; at >= 0; at = slowest[at]) path.push(all[at].name);
    entries.set(c.name, { latency: onward[i], path });
  }
  return { entries, components: new ByName(search.index, (i) => onward[i]), onward };
}
