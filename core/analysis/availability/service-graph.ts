/**
 * The dependency structure the service function of docs/language.md §6 reads:
 * for each component, its requirement groups (../requirements.ts: the
 * non-optional `->` alternatives groups, and what an optional cache calls)
 * as lists of target indices, so no later stage can read them differently.
 *
 * Decisions the rules of docs/language.md leave open (recorded there):
 * - A target the system does not declare is dropped from its group, and a
 *   group left empty is dropped (the builder has reported `unknown-reference`;
 *   counting it as a permanent failure would report a second, invented error).
 * - A target named twice in one group counts once.
 */
import type { SystemModel } from '../../model/types';
import { forEachRequirementGroup } from '../requirements';

export interface ServiceGraph {
  names: string[];
  index: Map<string, number>;
  isEntry: boolean[];
  /** Required groups of each node: each an array of distinct target indices. */
  groups: number[][][];
  /** Entry indices in source order. */
  entries: number[];
  /**
   * Every target of every required group, flattened (compressed rows):
   * node x's targets are succ[succStart[x] .. succStart[x + 1]). Built once so
   * the graph passes do not allocate per node.
   */
  succStart: Int32Array;
  succ: Int32Array;
}

export function buildServiceGraph(system: SystemModel): ServiceGraph {
  const names = system.components.map((c) => c.name);
  const index = new Map<string, number>();
  names.forEach((n, i) => {
    if (!index.has(n)) index.set(n, i);
  });
  const isEntry = system.components.map((c) => c.isEntry);
  const groups: number[][][] = names.map(() => []);
  names.forEach((name, i) => {
    if (index.get(name) !== i) return;
    // The one definition of what a component needs (../requirements.ts).
    forEachRequirementGroup(system, name, (written) => {
      // Most groups are one plain call; they skip the de-duplication and its allocations.
      if (written.length === 1) {
        const t = index.get(written[0]);
        if (t !== undefined) groups[i].push([t]);
        return;
      }
      const targets = [...new Set(written.map((t) => index.get(t)).filter((t): t is number => t !== undefined))];
      if (targets.length > 0) groups[i].push(targets);
    });
  });
  const entries = names.map((_, i) => i).filter((i) => isEntry[i] && index.get(names[i]) === i);
  const succStart = new Int32Array(names.length + 1);
  groups.forEach((gs, x) => {
    let k = 0;
    for (const t of gs) k += t.length;
    succStart[x + 1] = succStart[x] + k;
  });
  const succ = new Int32Array(succStart[names.length]);
  groups.forEach((gs, x) => {
    let k = succStart[x];
    for (const t of gs) for (const y of t) succ[k++] = y;
  });
  return { names, index, isEntry, groups, entries, succStart, succ };
}

/** Nodes reachable from the entries through required groups, in depth-first preorder. */
export function reachableFromEntries(g: ServiceGraph): number[] {
  const seen = new Uint8Array(g.names.length);
  const order: number[] = [];
  const stack: number[] = [];
  for (const e of g.entries) {
    if (seen[e]) continue;
    seen[e] = 1;
    stack.push(e);
    while (stack.length > 0) {
      const x = stack.pop()!;
      order.push(x);
      const gs = g.groups[x];
      for (let a = gs.length - 1; a >= 0; a--) {
        for (let b = gs[a].length - 1; b >= 0; b--) {
          const t = gs[a][b];
          if (!seen[t]) {
            seen[t] = 1;
            stack.push(t);
          }
        }
      }
    }
  }
  return order;
}

/** Reverse links: for each node, the flat indices of the groups that list it. */
export interface FlatGroups {
  owner: Int32Array;
  size: Int32Array;
  memberOf: number[][];
}

export function flattenGroups(g: ServiceGraph): FlatGroups {
  const owner: number[] = [];
  const size: number[] = [];
  const memberOf: number[][] = g.names.map(() => []);
  g.groups.forEach((gs, x) => {
    for (const targets of gs) {
      const id = owner.length;
      owner.push(x);
      size.push(targets.length);
      for (const t of targets) memberOf[t].push(id);
    }
  });
  return { owner: Int32Array.from(owner), size: Int32Array.from(size), memberOf };
}

/**
 * The greatest fixed point of "served", computed as its complement: the least
 * set of failed nodes closed under "a required group has every target failed".
 * `down[x] = 1` marks a component that is down; entries are never down by
 * themselves. Returns failed[x] = 1 for every node not served. Linear time.
 */
export function failedNodes(g: ServiceGraph, flat: FlatGroups, down: Uint8Array): Uint8Array {
  const n = g.names.length;
  const failed = new Uint8Array(n);
  const remaining = Int32Array.from(flat.size);
  const queue: number[] = [];
  for (let x = 0; x < n; x++) {
    if (down[x] && !g.isEntry[x]) {
      failed[x] = 1;
      queue.push(x);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const x = queue[head];
    for (const gid of flat.memberOf[x]) {
      if (--remaining[gid] === 0) {
        const o = flat.owner[gid];
        if (!failed[o]) {
          failed[o] = 1;
          queue.push(o);
        }
      }
    }
  }
  return failed;
}
