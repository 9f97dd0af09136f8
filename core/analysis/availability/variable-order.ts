/**
 * The order of the decision diagram's variables and the order in which the
 * served functions are built: both decide whether the diagram stays linear
 * on trees and chains or blows up.
 *
 * Variables follow a depth-first preorder from the entries, visiting a node's
 * lighter subtrees before its heaviest one. Conjunctions are then folded from
 * the highest variables down, so each AND copies only the lighter operands
 * (heavy-light argument: every node is copied O(log n) times on a tree).
 */
import type { ServiceGraph } from './service-graph';
import { reachableFromEntries } from './service-graph';

export interface VariableOrder {
  /** Reachable nodes in the chosen preorder. */
  order: number[];
  /** Variable index of each node, -1 for entries and unreachable nodes. */
  varOf: Int32Array;
  /** Node of each variable. */
  nodeOf: number[];
}

function children(g: ServiceGraph, x: number): number[] {
  const out: number[] = [];
  for (const gr of g.groups[x]) for (const t of gr) out.push(t);
  return out;
}

export function chooseVariableOrder(g: ServiceGraph): VariableOrder {
  const n = g.names.length;
  // Subtree sizes of the first search's spanning tree estimate how much hangs below each child.
  const first = reachableFromEntries(g);
  const treeParent = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  for (const e of g.entries) seen[e] = 1;
  for (const x of first) {
    for (const t of children(g, x)) {
      if (!seen[t]) {
        seen[t] = 1;
        treeParent[t] = x;
      }
    }
  }
  const size = new Float64Array(n);
  for (let i = first.length - 1; i >= 0; i--) {
    const x = first[i];
    size[x] += 1;
    if (treeParent[x] >= 0) size[treeParent[x]] += size[x];
  }
  const mark = new Uint8Array(n);
  const order: number[] = [];
  const stack: number[] = [];
  for (const e of g.entries) {
    if (mark[e]) continue;
    mark[e] = 1;
    stack.push(e);
    while (stack.length > 0) {
      const x = stack.pop()!;
      order.push(x);
      // Heaviest pushed first, so it is popped last and gets the highest variables.
      const kids = [...new Set(children(g, x))].filter((t) => !mark[t]);
      kids.sort((a, b) => size[b] - size[a] || a - b);
      for (const t of kids) {
        mark[t] = 1;
        stack.push(t);
      }
    }
  }
  const varOf = new Int32Array(n).fill(-1);
  const nodeOf: number[] = [];
  for (const x of order) {
    if (g.isEntry[x]) continue;
    varOf[x] = nodeOf.length;
    nodeOf.push(x);
  }
  return { order, varOf, nodeOf };
}

/**
 * Strongly connected components of the reachable subgraph, sinks first
 * (Tarjan's algorithm with an explicit stack), so every component's targets
 * are built before it or belong to its own cycle.
 */
export function sccsSinksFirst(g: ServiceGraph, nodes: number[]): number[][] {
  const n = g.names.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const sccStack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  const kids = (x: number) => children(g, x);
  for (const root of nodes) {
    if (index[root] !== -1) continue;
    const work: { x: number; ks: number[]; i: number }[] = [];
    const open = (x: number) => {
      index[x] = low[x] = counter++;
      sccStack.push(x);
      onStack[x] = 1;
      work.push({ x, ks: kids(x), i: 0 });
    };
    open(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      if (top.i < top.ks.length) {
        const t = top.ks[top.i++];
        if (index[t] === -1) open(t);
        else if (onStack[t]) low[top.x] = Math.min(low[top.x], index[t]);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].x;
        low[parent] = Math.min(low[parent], low[top.x]);
      }
      if (low[top.x] === index[top.x]) {
        const scc: number[] = [];
        let y: number;
        do {
          y = sccStack.pop()!;
          onStack[y] = 0;
          scc.push(y);
        } while (y !== top.x);
        out.push(scc);
      }
    }
  }
  return out;
}
