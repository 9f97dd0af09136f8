/**
 * "Entry served" as decision diagrams over the component variables
 * (LANGUAGE.md §6). Components are independent once the zone and region
 * states are fixed, so one diagram per entry, built once, is exact for every
 * group state; only the variables' probabilities change between states.
 *
 * A component's served function is `up ∧ ⋀ groups ⋁ targets served`. Strongly
 * connected components are built sinks first; inside a cycle the functions
 * start at `up` and are re-applied until no node id changes, which is the
 * greatest fixed point the language asks for (canonical diagrams make "no
 * change" a pointer comparison).
 */
import { Bdd, FALSE, TRUE } from './bdd';
import type { ServiceGraph } from './service-graph';
import { chooseVariableOrder, sccsSinksFirst, type VariableOrder } from './variable-order';

export interface ServedDiagrams {
  bdd: Bdd;
  vars: VariableOrder;
  /** Diagram root of each entry, in the order of graph.entries. */
  roots: number[];
}

/** Returns undefined when `stop()` says so (cancelled or out of time). */
export function buildServedDiagrams(g: ServiceGraph, stop: () => boolean): ServedDiagrams | undefined {
  const vars = chooseVariableOrder(g);
  const bdd = new Bdd(vars.nodeOf.length);
  const served = new Int32Array(g.names.length).fill(-1);
  const up = (x: number) => (g.isEntry[x] ? TRUE : bdd.variableNode(vars.varOf[x]));
  const topVar = (f: number) => bdd.variable[f];

  /** One application of the served operator to node x, with the current functions of its targets. */
  const apply = (x: number): number => {
    const parts: number[] = [];
    for (const targets of g.groups[x]) {
      const fs = targets.map((t) => served[t]);
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

  const sccs = sccsSinksFirst(g, vars.order);
  let steps = 0;
  for (const scc of sccs) {
    if ((++steps & 63) === 0 && stop()) return undefined;
    const x0 = scc[0];
    const selfLoop = scc.length === 1 && g.groups[x0].some((t) => t.includes(x0));
    if (scc.length === 1 && !selfLoop) {
      served[x0] = apply(x0);
      continue;
    }
    for (const x of scc) served[x] = up(x);
    let changed = true;
    while (changed) {
      if (stop()) return undefined;
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
  return { bdd, vars, roots: g.entries.map((e) => served[e]) };
}
