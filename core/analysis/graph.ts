/**
 * Graph helpers shared by the analyses: reachability from the entries, a
 * deterministic depth-first search (back edges and post-order), and cycles.
 *
 * Components are numbered by source order and edges kept in flat typed arrays
 * (compressed adjacency), so a search over 10,000 components takes a few
 * milliseconds. Everything is iterative (an explicit stack): a chain of 10,000
 * components never comes near the JavaScript call-stack limit.
 *
 * Decisions the rules of docs/language.md leave open (recorded there):
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
 *
 * One analysis builds the name → index Map and the edge ends once
 * (`systemGraph`), and every search, reachability and cycle listing reads the
 * same typed arrays; names come back only in the results.
 */
import type { ComponentModel, EdgeModel, SystemModel } from '../model/types';

/** Caps the total number of edges `findCycles` lists, to stay near-linear. */
export const CYCLE_EDGE_BUDGET = 100_000;

export type EdgeFilter = (e: EdgeModel) => boolean;

/** Non-optional `->` edges (sync cycles). */
export const isRequired: EdgeFilter = (e) => e.kind === 'sync' && !e.optional;
/** Every `->` edge, optional included: what a request waits on (latency, docs/language.md §8). */
export const isCall: EdgeFilter = (e) => e.kind === 'sync';
const everyEdge: EdgeFilter = () => true;

/** Components numbered by source order and each edge's ends as indices: what every filter shares. */
export interface IndexedSystem {
  components: ComponentModel[];
  index: Map<string, number>;
  /** The system's edges in id (source) order. */
  edges: EdgeModel[];
  /** Per edge of `edges`: the caller's and the callee's index, -1 where the system declares no such component. */
  from: Int32Array;
  to: Int32Array;
}

/** The edges a filter keeps, as compressed adjacency over component indices. */
export interface Adjacency {
  /** Components in source order; index i is components[i]. */
  components: ComponentModel[];
  index: Map<string, number>;
  /** Outgoing edges of component i are slots first[i] .. first[i + 1] - 1. */
  first: Int32Array;
  /** Per slot: the edge, its caller's and its target's index, in source order per caller. */
  edges: EdgeModel[];
  source: Int32Array;
  target: Int32Array;
}

/** The two edge sets the analyses read, over one index. */
export interface SystemGraph {
  indexed: IndexedSystem;
  /** Every edge: `->` and `~>`, optional included (load, "reached by"). */
  all: Adjacency;
  /** Non-optional `->` edges (sync cycles). */
  required: Adjacency;
  /** Every `->` edge, optional included (latency: an optional call is still made). */
  calls: Adjacency;
}

export interface DepthFirst extends Adjacency {
  /** Component indices in the order the search finished them; only those reached. */
  postorder: Int32Array;
  /** Per slot: 1 when the edge closes a cycle (its target was still on the stack). */
  closes: Uint8Array;
  /** Edges that close a cycle, in the order the search met them. */
  backEdges: EdgeModel[];
  /** The slots of `backEdges`, same order. */
  backSlots: Int32Array;
  /** Per component: the slot of the edge the search first reached it by, or -1. */
  treeSlot: Int32Array;
}

/** The entries of a system, in source order. */
export function entriesOf(system: SystemModel): ComponentModel[] {
  return system.components.filter((c) => c.isEntry);
}

export function indexSystem(system: SystemModel): IndexedSystem {
  const components = system.components;
  const index = new Map<string, number>();
  for (let i = 0; i < components.length; i++) index.set(components[i].name, i);
  let edges = system.edges;
  for (let i = 1; i < edges.length; i++) {
    if (edges[i - 1].id > edges[i].id) {
      edges = [...edges].sort((a, b) => a.id - b.id);
      break;
    }
  }
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  for (let k = 0; k < edges.length; k++) {
    from[k] = index.get(edges[k].from) ?? -1;
    to[k] = index.get(edges[k].to) ?? -1;
  }
  return { components, index, edges, from, to };
}

export function adjacency(system: SystemModel, filter: EdgeFilter, indexed: IndexedSystem = indexSystem(system)): Adjacency {
  const { components, index, edges, from, to } = indexed;
  const n = components.length;
  const keep = new Uint8Array(edges.length);
  const first = new Int32Array(n + 1);
  let kept = 0;
  for (let k = 0; k < edges.length; k++) {
    if (from[k] < 0 || to[k] < 0 || !filter(edges[k])) continue;
    keep[k] = 1;
    kept++;
    first[from[k] + 1]++;
  }
  for (let i = 0; i < n; i++) first[i + 1] += first[i];
  // A counting sort by caller keeps each caller's edges in source order.
  const fill = first.slice(0, n);
  const slotted: EdgeModel[] = new Array(kept);
  const source = new Int32Array(kept);
  const target = new Int32Array(kept);
  for (let k = 0; k < edges.length; k++) {
    if (!keep[k]) continue;
    const slot = fill[from[k]]++;
    slotted[slot] = edges[k];
    source[slot] = from[k];
    target[slot] = to[k];
  }
  return { components, index, first, edges: slotted, source, target };
}

export function systemGraph(system: SystemModel): SystemGraph {
  const indexed = indexSystem(system);
  return {
    indexed,
    all: adjacency(system, everyEdge, indexed),
    required: adjacency(system, isRequired, indexed),
    calls: adjacency(system, isCall, indexed),
  };
}

/**
 * Depth-first search from `roots` (component indices) in order. Reverse
 * post-order is a topological order of the reached part once the closing edges
 * are removed, which is what load propagation needs.
 */
export function depthFirst(system: SystemModel, filter: EdgeFilter, roots: Iterable<number>): DepthFirst {
  return searchFrom(adjacency(system, filter), roots);
}

/** `depthFirst` over edges already gathered, so several analyses can share them. */
export function searchFrom(graph: Adjacency, roots: Iterable<number>): DepthFirst {
  const { first, target } = graph;
  const n = graph.components.length;
  // 0 = unseen, 1 = on the stack, 2 = finished.
  const state = new Uint8Array(n);
  const next = new Int32Array(n);
  const stack = new Int32Array(n);
  const postorder = new Int32Array(n);
  let finished = 0;
  const closes = new Uint8Array(graph.edges.length);
  const backSlots: number[] = [];
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
        postorder[finished++] = at;
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
        backSlots.push(slot);
      }
    }
  }
  return {
    ...graph,
    postorder: postorder.subarray(0, finished),
    closes,
    backEdges: backSlots.map((slot) => graph.edges[slot]),
    backSlots: Int32Array.from(backSlots),
    treeSlot,
  };
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
 * order. Every component has a key.
 */
export function reachableFromEntries(system: SystemModel, filter: EdgeFilter = everyEdge): Map<string, string[]> {
  const graph = adjacency(system, filter);
  const reachedBy = entriesReaching(graph, entryRoots(system));
  return new Map(graph.components.map((c, i) => [c.name, reachedBy[i]]));
}

/**
 * Per component index: the names of the entries among `entries` (indices, in
 * the order wanted) that reach it along the graph's edges. One breadth-first
 * walk per entry, costing entries × (components + edges), marks a bitset of
 * entries per component; names are read off the bits once at the end.
 */
export function entriesReaching(graph: Adjacency, entries: readonly number[]): string[][] {
  const { components, first, target } = graph;
  const n = components.length;
  const words = Math.max(1, Math.ceil(entries.length / 32));
  const bits = new Uint32Array(n * words);
  const visitedBy = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  entries.forEach((entry, e) => {
    const word = e >>> 5;
    const bit = 1 << (e & 31);
    let head = 0;
    let tail = 0;
    queue[tail++] = entry;
    visitedBy[entry] = e;
    while (head < tail) {
      const at = queue[head++];
      bits[at * words + word] |= bit;
      for (let slot = first[at]; slot < first[at + 1]; slot++) {
        const to = target[slot];
        if (visitedBy[to] === e) continue;
        visitedBy[to] = e;
        queue[tail++] = to;
      }
    }
  });
  const names = entries.map((entry) => components[entry].name);
  const reachedBy: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const list: string[] = [];
    for (let w = 0; w < words; w++) {
      // Lowest bit first keeps the entries in the order given.
      for (let word = bits[i * words + w]; word !== 0; word &= word - 1) {
        list.push(names[w * 32 + 31 - Math.clz32(word & -word)]);
      }
    }
    reachedBy[i] = list;
  }
  return reachedBy;
}

/**
 * The cycles among the edges `filter` keeps, each as its edges in call order,
 * ending with the edge that closes it. See the top of the file for the order.
 */
export function findCycles(system: SystemModel, filter: EdgeFilter): EdgeModel[][] {
  return cyclesOf(depthFirst(system, filter, allRoots(system)));
}

/** The cycles `findCycles` lists, read off a search already made from `allRoots`. */
export function cyclesOf(search: DepthFirst): EdgeModel[][] {
  const cycles: EdgeModel[][] = [];
  let listed = 0;
  for (const back of search.backSlots) {
    // The back edge's target is an ancestor of its source in the search tree,
    // so walking tree edges up from the source must arrive at the target.
    const path: EdgeModel[] = [search.edges[back]];
    const stop = search.target[back];
    let at = search.source[back];
    while (at !== stop && search.treeSlot[at] >= 0) {
      const slot = search.treeSlot[at];
      path.push(search.edges[slot]);
      at = search.source[slot];
    }
    if (listed + path.length > CYCLE_EDGE_BUDGET) break;
    listed += path.length;
    path.reverse();
    cycles.push(path);
  }
  return cycles;
}
