/**
 * Enumerates the states of the zones and regions that can fail, with their
 * probabilities. A zone's state matters only while its region is up, so when
 * a failing region is down its zones are not branched on: a region with z
 * zones costs 1 + 2^z states, not 2^(z+1).
 */
import type { Groups } from './component-up';

/** Regions (groups without a parent) come first, so their zones can be pruned. */
export function orderGroups(relevant: number[], groups: Groups): number[] {
  return [...relevant].sort((a, b) => Number(groups.parent[a] >= 0) - Number(groups.parent[b] >= 0) || a - b);
}

/** How many leaf states `forEachGroupState` will visit. */
export function countGroupStates(ordered: number[], groups: Groups): number {
  const set = new Set(ordered);
  const zonesUnder = new Map<number, number>();
  for (const g of ordered) {
    const p = groups.parent[g];
    if (p >= 0 && set.has(p)) zonesUnder.set(p, (zonesUnder.get(p) ?? 0) + 1);
  }
  let count = 1;
  for (const g of ordered) {
    const p = groups.parent[g];
    if (p >= 0 && set.has(p)) continue;
    const z = zonesUnder.get(g);
    count *= z === undefined ? 2 : 1 + Math.pow(2, z);
  }
  return count;
}

/**
 * Calls visit(groupUp, probability) for every relevant state. groupUp has 1
 * for every group not being enumerated. Returning false from visit stops the
 * enumeration (budget spent or cancelled); the function then returns false.
 */
export function forEachGroupState(
  ordered: number[],
  groups: Groups,
  visit: (groupUp: Uint8Array, probability: number) => boolean,
): boolean {
  const groupUp = new Uint8Array(groups.names.length).fill(1);
  const walk = (i: number, prob: number): boolean => {
    if (i === ordered.length) return visit(groupUp, prob);
    const g = ordered[i];
    const p = groups.parent[g];
    if (p >= 0 && !groupUp[p]) {
      // The region is down: this zone's state changes nothing.
      groupUp[g] = 1;
      return walk(i + 1, prob);
    }
    if (groups.up[g] > 0) {
      groupUp[g] = 1;
      if (!walk(i + 1, prob * groups.up[g])) return false;
    }
    if (groups.down[g] > 0) {
      groupUp[g] = 0;
      const ok = walk(i + 1, prob * groups.down[g]);
      groupUp[g] = 1;
      if (!ok) return false;
    }
    return true;
  };
  return walk(0, 1);
}
