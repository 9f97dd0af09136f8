/**
 * Blast radius and single points of failure (docs/language.md §9 `spof`,
 * `zone-spof`). With everything else up, "served" is a pure graph question,
 * so no probabilities are involved here.
 *
 * For one failed component c, the failed set is the least set containing c
 * and closed under "some required group has every target failed". Doing one
 * propagation per component would be quadratic, so instead this computes, for
 * every entry, K(entry): the set of components whose failure alone fails it,
 * from the least solution of
 *
 *   K(x) = {x} ∪ ⋃ over required groups g of x of ⋂ over targets t of g of K(t)
 *
 * Singleton groups (plain calls) are followed as reachability; only
 * alternatives groups need an intersection, J(g), and those are few. J starts
 * empty and is recomputed in dependency order until nothing grows, which is
 * the least fixed point even when alternatives sit on a cycle.
 */
import type { ComponentModel } from '../../model/types';
import { countedInstances, type Groups, type Placement } from './component-up';
import { requiredInstances } from './instance';
import { failedNodes, flattenGroups, reachableFromEntries, type ServiceGraph } from './service-graph';

/** For each node, the entries (indices) its failure alone takes down. */
export function breaksByNode(g: ServiceGraph, isCancelled: () => boolean): number[][] | undefined {
  const n = g.names.length;
  const reach = reachableFromEntries(g);
  // Alternatives groups of reachable nodes, deepest owners first (reverse preorder approximates that).
  const alts: number[][] = [];
  const altsOf: number[][] = g.names.map(() => []);
  for (let i = reach.length - 1; i >= 0; i--) {
    const x = reach[i];
    for (const targets of g.groups[x]) {
      if (targets.length < 2) continue;
      altsOf[x].push(alts.length);
      alts.push(targets);
    }
  }
  const J: number[][] = alts.map(() => []);
  const stamp = new Int32Array(n);
  let epoch = 0;
  const stack: number[] = [];

  /** K(x) with the current J values, as distinct node indices. */
  const kSet = (x: number): number[] => {
    epoch++;
    const out: number[] = [];
    const add = (y: number) => {
      if (stamp[y] !== epoch) {
        stamp[y] = epoch;
        out.push(y);
        stack.push(y);
      }
    };
    add(x);
    while (stack.length > 0) {
      const y = stack.pop()!;
      for (const targets of g.groups[y]) if (targets.length === 1) add(targets[0]);
      for (const a of altsOf[y]) {
        for (const z of J[a]) {
          if (stamp[z] !== epoch) {
            stamp[z] = epoch;
            out.push(z);
          }
        }
      }
    }
    return out;
  };

  const hits = new Int32Array(n);
  let changed = alts.length > 0;
  while (changed) {
    changed = false;
    for (let a = 0; a < alts.length; a++) {
      if (isCancelled()) return undefined;
      const targets = alts[a];
      const touched: number[] = [];
      for (const t of targets) {
        for (const y of kSet(t)) {
          if (hits[y]++ === 0) touched.push(y);
        }
      }
      const next = touched.filter((y) => hits[y] === targets.length);
      for (const y of touched) hits[y] = 0;
      // J only grows between passes, so a larger size is the only possible change.
      if (next.length !== J[a].length) {
        J[a] = next;
        changed = true;
      }
    }
  }

  const result: number[][] = g.names.map(() => []);
  g.entries.forEach((e, i) => {
    for (const y of kSet(e)) if (!g.isEntry[y]) result[y].push(i);
  });
  return result;
}

/** True when the component cannot lose one instance: replicas − min-up < 1 (min-up is 1 for active-passive). */
export function cannotLoseOne(c: ComponentModel): boolean {
  return c.replicas - requiredInstances(c) < 1;
}

/**
 * For each group (zone or region, whether or not it declares an
 * availability), the entries its failure alone takes down: every instance
 * up, every other group up, so a component is down exactly when fewer than
 * its required instances still count.
 */
export function zoneBreaks(
  g: ServiceGraph,
  components: ComponentModel[],
  placements: Placement[],
  groups: Groups,
): number[][] {
  const flat = flattenGroups(g);
  const groupUp = new Uint8Array(groups.names.length);
  return groups.names.map((_, gi) => {
    groupUp.fill(1);
    groupUp[gi] = 0;
    const down = new Uint8Array(g.names.length);
    components.forEach((c, x) => {
      if (!c.isEntry) down[x] = Number(countedInstances(placements[x], groups, groupUp) < requiredInstances(c));
    });
    const failed = failedNodes(g, flat, down);
    return g.entries.map((e, i) => (failed[e] ? i : -1)).filter((i) => i >= 0);
  });
}
