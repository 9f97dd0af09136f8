/**
 * Immediate dominators by the Lengauer–Tarjan algorithm (the simple version:
 * path compression without balancing, O(m log n)). It replaces the iterative
 * Cooper–Harvey–Kennedy algorithm, which walks the dominator tree once per
 * predecessor and turns quadratic when one component is called from every
 * link of a long chain; the engine then had to give up on modules and build
 * one diagram for everything.
 *
 * Everything is iterative on typed arrays (the depth-first search and the
 * path compression), so a 10,000-link chain cannot overflow the call stack,
 * and the work is charged to the budget.
 */
import type { Budget } from './budget';

/** One depth-first search from a root: its preorder, postorder and tree. */
export interface DepthFirst {
  /** The reached nodes in preorder (its length is the number reached). */
  preorder: Int32Array;
  /** The reached nodes in postorder. */
  postorder: Int32Array;
  /** dfnum[x]: x's index in `preorder`, -1 when x is not reached. */
  dfnum: Int32Array;
  /** parent[x]: x's parent in the search tree, -1 for the root and unreached nodes. */
  parent: Int32Array;
}

/**
 * Depth-first search over compressed rows (x's successors are
 * succ[succStart[x] .. succStart[x + 1]), read in place), with an explicit
 * stack so no depth overflows the call stack.
 */
export function depthFirst(count: number, root: number, succStart: Int32Array, succ: Int32Array): DepthFirst {
  const dfnum = new Int32Array(count).fill(-1);
  const preorder = new Int32Array(count);
  const postorder = new Int32Array(count);
  const parent = new Int32Array(count).fill(-1);
  const stackNode = new Int32Array(count);
  const stackPos = new Int32Array(count);
  let reached = 0;
  let finished = 0;
  let sp = 0;
  stackNode[0] = root;
  dfnum[root] = reached;
  preorder[reached++] = root;
  while (sp >= 0) {
    const x = stackNode[sp];
    const k = succStart[x] + stackPos[sp];
    if (k < succStart[x + 1]) {
      stackPos[sp]++;
      const y = succ[k];
      if (dfnum[y] === -1) {
        dfnum[y] = reached;
        preorder[reached++] = y;
        parent[y] = x;
        sp++;
        stackNode[sp] = y;
        stackPos[sp] = 0;
      }
      continue;
    }
    sp--;
    postorder[finished++] = x;
  }
  return { preorder: preorder.subarray(0, reached), postorder: postorder.subarray(0, finished), dfnum, parent };
}

/**
 * idom[x] for every node reachable from `root` (idom[root] = root), -1 for
 * the others. Nodes are 0..count-1; x's successors are
 * succ[succStart[x] .. succStart[x + 1]). A caller that has already searched
 * the graph from `root` passes its search.
 */
export function immediateDominators(
  count: number,
  root: number,
  succStart: Int32Array,
  succ: Int32Array,
  budget: Budget,
  search: DepthFirst = depthFirst(count, root, succStart, succ),
): Int32Array {
  const { preorder: vertex, dfnum, parent } = search;
  const reached = vertex.length;
  // Predecessors among reached nodes, in compressed rows.
  const predStart = new Int32Array(count + 1);
  for (let i = 0; i < reached; i++) {
    const x = vertex[i];
    for (let k = succStart[x]; k < succStart[x + 1]; k++) predStart[succ[k] + 1]++;
  }
  for (let y = 0; y < count; y++) predStart[y + 1] += predStart[y];
  const fill = predStart.slice(0, count);
  const preds = new Int32Array(predStart[count]);
  for (let i = 0; i < reached; i++) {
    const x = vertex[i];
    for (let k = succStart[x]; k < succStart[x + 1]; k++) preds[fill[succ[k]]++] = x;
  }

  const semi = Int32Array.from(dfnum);
  const idom = new Int32Array(count).fill(-1);
  const ancestor = new Int32Array(count).fill(-1);
  const label = new Int32Array(count);
  for (let x = 0; x < count; x++) label[x] = x;
  const bucketHead = new Int32Array(count).fill(-1);
  const bucketNext = new Int32Array(count).fill(-1);
  const path: number[] = [];

  /** The node of least semi-dominator on the forest path above v, compressing the path. */
  const evaluate = (v: number): number => {
    if (ancestor[v] === -1) return v;
    // Collect the path whose ancestors are not forest roots, then compress it top-down.
    let x = v;
    while (ancestor[ancestor[x]] !== -1) {
      path.push(x);
      x = ancestor[x];
    }
    while (path.length > 0) {
      const y = path.pop()!;
      const a = ancestor[y];
      if (semi[label[a]] < semi[label[y]]) label[y] = label[a];
      ancestor[y] = ancestor[a];
    }
    return label[v];
  };

  for (let i = reached - 1; i >= 1; i--) {
    const w = vertex[i];
    budget.step(predStart[w + 1] - predStart[w] + 1);
    for (let k = predStart[w]; k < predStart[w + 1]; k++) {
      const u = evaluate(preds[k]);
      if (semi[u] < semi[w]) semi[w] = semi[u];
    }
    const s = vertex[semi[w]];
    bucketNext[w] = bucketHead[s];
    bucketHead[s] = w;
    const p = parent[w];
    ancestor[w] = p;
    for (let v = bucketHead[p]; v !== -1; v = bucketNext[v]) {
      const u = evaluate(v);
      idom[v] = semi[u] < semi[v] ? u : p;
    }
    bucketHead[p] = -1;
  }
  for (let i = 1; i < reached; i++) {
    const w = vertex[i];
    if (idom[w] !== vertex[semi[w]]) idom[w] = idom[idom[w]];
  }
  idom[root] = root;
  return idom;
}
