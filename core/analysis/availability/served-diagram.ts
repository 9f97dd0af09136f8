/**
 * "Entry served" as decision diagrams over independent variables
 * (docs/language.md §6). Given the zone and region states components are
 * independent, so the diagrams are built once and are exact for every group
 * state; only the variables' probabilities change between states.
 *
 * The graph is cut into modules (see modules.ts). Each module gets its own
 * small diagram over the up-variables of its components and one
 * pseudo-variable per sub-module ("that sub-module's root is served").
 *
 * A component's served function is `up ∧ ⋀ groups ⋁ targets served`.
 * Strongly connected components are built sinks first; inside a cycle the
 * functions start at `up` and are re-applied until no node id changes: the
 * greatest fixed point the language asks for (canonical diagrams make "no
 * change" a pointer comparison). Variables follow a depth-first preorder of
 * each module that visits light subtrees first, and conjunctions are folded
 * from the highest variable down, so an AND copies only its lighter operands.
 */
import { Bdd, FALSE, TRUE } from './bdd';
import type { Budget } from './budget';
import { findModules } from './modules';
import { sccFinder } from './scc';
import type { ServiceGraph } from './service-graph';

export interface ModuleDiagram {
  /** The module's root component, or -1 for the top module (the entries' shared part). */
  root: number;
  /** The root's served function (top module: unused). */
  fn: number;
  /** The variable that stands for this module in its parent's diagram (top module: -1). */
  pseudoVar: number;
  /** Diagram nodes this module evaluates, children before parents. */
  nodes: Int32Array;
  /**
   * Set when the module is its root alone, calling only sub-modules (every
   * module of a tree): then no diagram is built and its probability is the
   * series-parallel formula over the pseudo-variables in `groups`.
   */
  direct?: { upVar: number; groups: number[][] };
}

export interface ServedDiagrams {
  bdd: Bdd;
  /** Component of each up-variable; -1 for a pseudo-variable. */
  varNode: number[];
  /** The pseudo-variable of each module root, -1 for other components. */
  pseudoVar: Int32Array;
  /** Modules bottom-up, the top module last. */
  modules: ModuleDiagram[];
  /**
   * Where each entry's figure is read (graph.entries order): the
   * pseudo-variable of the module it roots, or else (-1 there) its diagram
   * node in the top module.
   */
  entryVars: number[];
  entryFns: number[];
}

/** Throws `Interrupted` (budget.ts) when the budget runs out or the work is cancelled. */
export function buildServedDiagrams(g: ServiceGraph, budget: Budget): ServedDiagrams {
  const n = g.names.length;
  const mods = findModules(g, budget);
  const bdd = new Bdd(2 * n + 1, undefined, budget);
  const varNode: number[] = [];
  const upVar = new Int32Array(n).fill(-1);
  const pseudoVar = new Int32Array(n).fill(-1);
  const served = new Int32Array(n).fill(-1);
  const topVar = (f: number) => bdd.variable[f];
  const sccsSinksFirst = sccFinder(n);
  const targets = (x: number) => g.succ.subarray(g.succStart[x], g.succStart[x + 1]);
  // Marks of the variable-order search; each node is in one module body, so one stamp per module suffices.
  const markStamp = new Int32Array(n).fill(-2);
  const modules: ModuleDiagram[] = [];

  const EMPTY = new Int32Array(0);
  /**
   * The fast path for a module that is its root alone calling distinct
   * sub-modules (every module of a tree): numbered and recorded without
   * building a diagram or allocating per target.
   */
  const directModule = (root: number): boolean => {
    const ts = targets(root);
    budget.step(ts.length + 1);
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      if (t === root || mods.moduleOf[t] !== t || markStamp[t] === root) return false;
      markStamp[t] = root;
    }
    if (!g.isEntry[root]) {
      upVar[root] = varNode.length;
      varNode.push(root);
    }
    for (let i = 0; i < ts.length; i++) {
      pseudoVar[ts[i]] = varNode.length;
      varNode.push(-1);
    }
    modules.push({ root, fn: TRUE, pseudoVar: -1, nodes: EMPTY, direct: { upVar: upVar[root], groups: g.groups[root] } });
    return true;
  };

  const buildModule = (root: number): void => {
    if (root !== -1 && directModule(root)) return;
    // Undo the fast path's marks so the search below starts clean.
    if (root !== -1) for (const t of targets(root)) markStamp[t] = -2;
    const inBody = (t: number) => mods.moduleOf[t] === root;
    const starts = root === -1 ? g.entries.filter(inBody) : [root];
    // Variable order: preorder, light children first, sub-modules as leaves.
    const stamp = root;
    for (const x of starts) markStamp[x] = stamp;
    const stack = [...starts].reverse();
    while (stack.length > 0) {
      const y = stack.pop()!;
      budget.step();
      if (!inBody(y)) {
        pseudoVar[y] = varNode.length;
        varNode.push(-1);
        continue;
      }
      if (!g.isEntry[y]) {
        upVar[y] = varNode.length;
        varNode.push(y);
      }
      const ts = targets(y);
      if (ts.length === 1) {
        if (markStamp[ts[0]] !== stamp) {
          markStamp[ts[0]] = stamp;
          stack.push(ts[0]);
        }
        continue;
      }
      const kids = Array.from(ts).filter((t) => markStamp[t] !== stamp);
      kids.sort((a, b) => mods.weight[b] - mods.weight[a] || a - b);
      for (const t of kids) {
        if (markStamp[t] === stamp) continue;
        markStamp[t] = stamp;
        stack.push(t);
      }
    }
    const ref = (t: number) => (inBody(t) ? served[t] : bdd.variableNode(pseudoVar[t]));
    const up = (x: number) => (g.isEntry[x] ? TRUE : bdd.variableNode(upVar[x]));
    const apply = (x: number): number => {
      const parts: number[] = [];
      for (const ts of g.groups[x]) {
        const fs = ts.map(ref);
        fs.sort((a, b) => topVar(b) - topVar(a));
        let any = FALSE;
        for (const f of fs) any = bdd.or(f, any);
        parts.push(any);
      }
      parts.sort((a, b) => topVar(b) - topVar(a));
      let all = TRUE;
      for (const f of parts) all = bdd.and(f, all);
      return bdd.and(up(x), all);
    };
    const sccs = sccsSinksFirst(starts, (x) => targets(x).filter(inBody));
    for (const scc of sccs) {
      budget.step(scc.length);
      const x0 = scc[0];
      if (scc.length === 1 && !g.groups[x0].some((ts) => ts.includes(x0))) {
        served[x0] = apply(x0);
        continue;
      }
      for (const x of scc) served[x] = up(x);
      let changed = true;
      while (changed) {
        budget.step(scc.length);
        changed = false;
        for (const x of scc) {
          const f = apply(x);
          if (f !== served[x]) {
            served[x] = f;
            changed = true;
          }
        }
      }
    }
    const fns = root === -1 ? starts.map((e) => served[e]) : [served[root]];
    const nodes = bdd.reachable(fns);
    budget.step(nodes.length);
    modules.push({ root, fn: fns[0] ?? TRUE, pseudoVar: -1, nodes });
  };

  for (const r of mods.rootsBottomUp) buildModule(r);
  buildModule(-1);
  // A module's pseudo-variable is numbered by its parent, which is built after it; an entry's
  // module has no parent, so it gets one here, to carry the entry's figure.
  for (const m of modules) {
    if (m.root === -1) continue;
    if (pseudoVar[m.root] === -1) {
      pseudoVar[m.root] = varNode.length;
      varNode.push(-1);
    }
    m.pseudoVar = pseudoVar[m.root];
  }
  return {
    bdd,
    varNode,
    pseudoVar,
    modules,
    entryVars: g.entries.map((e) => (mods.isRoot[e] ? pseudoVar[e] : -1)),
    entryFns: g.entries.map((e) => served[e]),
  };
}
