/**
 * Splits the dependency graph into modules, so the exact engine never builds
 * one big diagram where small ones suffice. A component x is a module root
 * when everything it depends on is reached only through x (x dominates all
 * of it, from the entries). Then "x served" depends on variables nobody else
 * reads, and given the zone states it is one independent event: the parent
 * diagram uses a single pseudo-variable for it, whose probability comes
 * from x's own diagram. On a tree every component is a module root and the
 * work is linear; this is the series-parallel reduction, made safe for
 * shared components and cycles.
 *
 * Dominators come from Lengauer–Tarjan (dominators.ts) over a virtual root
 * that calls every entry. x is a module root exactly when no
 * edge leaves x's dominator subtree; for an edge u → v the deepest common
 * dominator of u and v is v when v dominates u, else idom(v), so one pass
 * over the edges and one over the tree decide every x.
 */
import { type Budget, unlimited } from './budget';
import { depthFirst, immediateDominators } from './dominators';
import type { ServiceGraph } from './service-graph';

export interface Modules {
  /** Reachable nodes, the virtual root excluded, in reverse postorder. */
  nodes: number[];
  /** For every node, the module root it belongs to (itself for a root); -1 = the top module; -2 unreachable. */
  moduleOf: Int32Array;
  isRoot: Uint8Array;
  /** Size of each node's dominator subtree: how much hangs below it. */
  weight: Int32Array;
  /** Module roots, children before parents. */
  rootsBottomUp: number[];
}

const ROOT = -1;

/** Throws `Interrupted` (budget.ts) when the budget runs out. */
export function findModules(g: ServiceGraph, budget: Budget = unlimited()): Modules {
  const n = g.names.length;
  const V = n; // Index of the virtual root.
  // The service graph's compressed rows plus one row for the virtual root (the entries),
  // read in place: a view per visit would be an allocation per edge walked.
  const succStart = new Int32Array(n + 2);
  succStart.set(g.succStart);
  succStart[n + 1] = succStart[n] + g.entries.length;
  const succ = new Int32Array(succStart[n + 1]);
  succ.set(g.succ.subarray(0, succStart[n]));
  succ.set(g.entries, succStart[n]);
  // One search gives the postorder here and the preorder the dominators need.
  const search = depthFirst(n + 1, V, succStart, succ);
  const rpo = Array.from(search.postorder).reverse();
  const idom = immediateDominators(n + 1, V, succStart, succ, budget, search);
  // Dominator tree: depth, pre/post interval for ancestor tests, subtree sizes.
  const kids: number[][] = Array.from({ length: n + 1 }, () => []);
  for (const x of rpo) if (x !== V) kids[idom[x]].push(x);
  const depth = new Int32Array(n + 1);
  const tin = new Int32Array(n + 1);
  const tout = new Int32Array(n + 1);
  const weight = new Int32Array(n + 1);
  const treeOrder: number[] = [];
  let clock = 0;
  // Walked with an explicit stack, like the search above.
  const stackNode = new Int32Array(n + 1);
  const stackPos = new Int32Array(n + 1);
  let sp = 0;
  stackNode[0] = V;
  stackPos[0] = 0;
  tin[V] = clock++;
  while (sp >= 0) {
    const x = stackNode[sp];
    if (stackPos[sp] < kids[x].length) {
      const y = kids[x][stackPos[sp]++];
      depth[y] = depth[x] + 1;
      tin[y] = clock++;
      sp++;
      stackNode[sp] = y;
      stackPos[sp] = 0;
      continue;
    }
    sp--;
    tout[x] = clock++;
    treeOrder.push(x);
  }
  const dominates = (a: number, b: number) => tin[a] <= tin[b] && tout[b] <= tout[a];
  const low = new Int32Array(n + 1).fill(2 ** 30);
  for (const u of rpo) {
    if (u === V) continue;
    for (let k = succStart[u]; k < succStart[u + 1]; k++) {
      const v = succ[k];
      const lca = dominates(v, u) ? depth[v] : depth[v] - 1;
      if (lca < low[u]) low[u] = lca;
    }
  }
  const isRoot = new Uint8Array(n);
  for (const x of treeOrder) {
    if (x === V) continue;
    weight[x] += 1;
    weight[idom[x]] += weight[x];
    if (low[x] < low[idom[x]]) low[idom[x]] = low[x];
    if (low[x] >= depth[x]) isRoot[x] = 1;
  }
  const moduleOf = new Int32Array(n).fill(-2);
  const rootsTopDown: number[] = [];
  for (let i = treeOrder.length - 1; i >= 0; i--) {
    const x = treeOrder[i];
    if (x === V) continue;
    const parent = idom[x];
    if (isRoot[x]) {
      moduleOf[x] = x;
      rootsTopDown.push(x);
    } else moduleOf[x] = parent === V ? ROOT : moduleOf[parent];
  }
  return {
    nodes: rpo.filter((x) => x !== V),
    moduleOf,
    isRoot,
    weight: weight.subarray(0, n),
    rootsBottomUp: rootsTopDown.reverse(),
  };
}
