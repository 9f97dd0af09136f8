/**
 * Graph helpers shared by the analyses: reachability from the entries, a
 * deterministic depth-first search (back edges and post-order), and cycles.
 *
 * Components are numbered by source order and edges kept in flat typed arrays
 * (compressed adjacency), so a search over 10,000 components takes a few
 * milliseconds. Everything is iterative (an explicit stack): a chain of 10,000
 * components never comes near the JavaScript call-stack limit.
 *
 * Decisions where LANGUAGE.md is silent:
 * - Order. Searches start from the entries (`users`, `client`) in source order,
 *   then, where a helper covers the whole system, from the remaining components
 *   in source order; outgoing edges are followed in source order (edge id). So
 *   the same text always gives the same back edges, cycles and paths.
 * - An edge that names a component the system does not declare is skipped: the
 *   model builder has already reported it as `unknown-reference`.
 * - An entry reaches itself: `reachableFromEntries` lists every entry under its
 *   own name, so no rule ever calls an entry `unreachable`.
 * - Cycles. `findCycles` reports one cycle per back edge of the search: the
 *   tree path from the back edge's target down to its source, then the back
 *   edge itself (the edge that "closes" the cycle, also the one capacity and
 *   latency ignore). A cycle is therefore reported once, starting at the
 *   component the search met first. Two cycles that share a back edge are
 *   reported as one; fixing it reveals the other. The listing costs the total
 *   length of the cycles, so it stops after CYCLE_EDGE_BUDGET edges in all,
 *   which only a pathological file reaches.
 */
import type { ComponentModel, EdgeModel, SystemModel } from '../model/types';

/** Caps the total number of edges `findCycles` lists, to stay near-linear. */
export const CYCLE_EDGE_BUDGET = 100_000;

export type EdgeFilter = (e: EdgeModel) => boolean;

/** The edges a filter keeps, as compressed adjacency over component indices. */
export interface Adjacency {
  /** Components in source order; index i is components[i]. */
  components: ComponentModel[];
  index: Map<string, number>;
  /** Outgoing edges of component i are slots first[i] .. first[i + 1] - 1. */
  first: Int32Array;
  /** Per slot: the edge and its target's index, in source order per caller. */
  edges: EdgeModel[];
  target: Int32Array;
}

export interface DepthFirst extends Adjacency {
  /** Component indices in the order the search finished them; only those reached. */
  postorder: Int32Array;
  /** Per slot: 1 when the edge closes a cycle (its target was still on the stack). */
  closes: Uint8Array;
  /** Edges that close a cycle, in the order the search met them. */
  backEdges: EdgeModel[];
  /** Per component: the slot of the edge the search first reached it by, or -1. */
  treeSlot: Int32Array;
}

/** The entries of a system, in source order. */
export function entriesOf(system: SystemModel): ComponentModel[] {
  return system.components.filter((c) => c.isEntry);
}

export function adjacency(system: SystemModel, filter: EdgeFilter): Adjacency {
  const components = system.components;
  const n = components.length;
  const index = new Map<string, number>();
  components.forEach((c, i) => index.set(c.name, i));
  let edges = system.edges;
  for (let i = 1; i < edges.length; i++) {
    if (edges[i - 1].id > edges[i].id) {
      edges = [...edges].sort((a, b) => a.id - b.id);
      break;
    }
  }
  const kept: EdgeModel[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const first = new Int32Array(n + 1);
  for (const e of edges) {
    const f = index.get(e.from);
    const t = index.get(e.to);
    if (f === undefined || t === undefined || !filter(e)) continue;
    kept.push(e);
    from.push(f);
    to.push(t);
    first[f + 1]++;
  }
  for (let i = 0; i < n; i++) first[i + 1] += first[i];
  // A counting sort by caller keeps each caller's edges in source order.
  const fill = first.slice(0, n);
  const slotted: EdgeModel[] = new Array(kept.length);
  const target = new Int32Array(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const slot = fill[from[k]]++;
    slotted[slot] = kept[k];
    target[slot] = to[k];
  }
  return { components, index, first, edges: slotted, target };
}

/**
 * Depth-first search from `roots` (component indices) in order. Reverse
 * post-order is a topological order of the reached part once the closing edges
 * are removed, which is what load propagation needs.
 */
export function depthFirst(system: SystemModel, filter: EdgeFilter, roots: Iterable<number>): DepthFirst {
  const graph = adjacency(system, filter);
  const { first, target, edges } = graph;
  const n = graph.components.length;
  // 0 = unseen, 1 = on the stack, 2 = finished.
  const state = new Uint8Array(n);
  const next = new Int32Array(n);
  const stack = new Int32Array(n);
  const postorder: number[] = [];
  const closes = new Uint8Array(edges.length);
  const backEdges: EdgeModel[] = [];
  const treeSlot = new Int32Array(n).fill(-1);
  for (const root of roots) {
    if (state[root] !== 0) continue;
    let depth = 0;
    stack[depth++] = root;
    state[root] = 1;
    next[root] = first[root];
    while (depth > 0) {
      const at = stack[depth - 1];
      if (next[at] >= first[at + 1]) {
        depth--;
        state[at] = 2;
        postorder.push(at);
        continue;
      }
      const slot = next[at]++;
      const to = target[slot];
      if (state[to] === 0) {
        state[to] = 1;
        treeSlot[to] = slot;
        next[to] = first[to];
        stack[depth++] = to;
      } else if (state[to] === 1) {
        closes[slot] = 1;
        backEdges.push(edges[slot]);
      }
    }
  }
  return { ...graph, postorder: Int32Array.from(postorder), closes, backEdges, treeSlot };
}

/** Entries first, then every other component, each in source order (as indices). */
export function allRoots(system: SystemModel): number[] {
  const roots: number[] = [];
  system.components.forEach((c, i) => c.isEntry && roots.push(i));
  system.components.forEach((c, i) => !c.isEntry && roots.push(i));
  return roots;
}

/** The entries' indices, in source order. */
export function entryRoots(system: SystemModel): number[] {
  const roots: number[] = [];
  system.components.forEach((c, i) => c.isEntry && roots.push(i));
  return roots;
}

/**
 * Component → entries that reach it along the edges `filter` keeps (by
 * default every edge: `->` and `~>`, optional included), entries in source
 * order. Every component has a key. Costs entries × (components + edges): one
 * breadth-first walk per entry.
 */
export function reachableFromEntries(system: SystemModel, filter: EdgeFilter = () => true): Map<string, string[]> {
  const { components, first, target } = adjacency(system, filter);
  const n = components.length;
  const reachedBy: string[][] = components.map(() => []);
  const visitedBy = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  for (const entry of entryRoots(system)) {
    let head = 0;
    let tail = 0;
    queue[tail++] = entry;
    visitedBy[entry] = entry;
    while (head < tail) {
      const at = queue[head++];
      reachedBy[at].push(components[entry].name);
      for (let slot = first[at]; slot < first[at + 1]; slot++) {
        const to = target[slot];
        if (visitedBy[to] === entry) continue;
        visitedBy[to] = entry;
        queue[tail++] = to;
      }
    }
  }
  return new Map(components.map((c, i) => [c.name, reachedBy[i]]));
}

/**
 * The cycles among the edges `filter` keeps, each as its edges in call order,
 * ending with the edge that closes it. See the top of the file for the order.
 */
export function findCycles(system: SystemModel, filter: EdgeFilter): EdgeModel[][] {
  const search = depthFirst(system, filter, allRoots(system));
  const cycles: EdgeModel[][] = [];
  let listed = 0;
  for (const back of search.backEdges) {
    // The back edge's target is an ancestor of its source in the search tree,
    // so walking tree edges up from the source must arrive at the target.
    const path: EdgeModel[] = [back];
    const stop = search.index.get(back.to)!;
    let at = search.index.get(back.from)!;
    while (at !== stop && search.treeSlot[at] >= 0) {
      const slot = search.treeSlot[at];
      path.push(search.edges[slot]);
      at = search.index.get(search.edges[slot].from)!;
    }
    if (listed + path.length > CYCLE_EDGE_BUDGET) break;
    listed += path.length;
    path.reverse();
    cycles.push(path);
  }
  return cycles;
}
