/**
 * The exact engine: build the served diagrams once, then for every state of
 * the failing zones and regions give each component variable its
 * conditional up/down probability and sum P(not served) over the diagram.
 * Work is (group states) × (diagram nodes); it stops and reports why when it
 * passes its deadline, so the caller can fall back to Monte Carlo.
 */
import { BddTooLarge, FALSE, TRUE } from './bdd';
import { type Budget, Interrupted } from './budget';
import { countedInstances, failingGroupsOf, type Groups, type Placement } from './component-up';
import { countGroupStates, forEachGroupState, orderGroups } from './group-states';
import { buildServedDiagrams } from './served-diagram';
import type { ServiceGraph } from './service-graph';

/** More group states than this are not even attempted exactly. */
export const MAX_GROUP_STATES = 1 << 20;

export type ExactOutcome =
  | { kind: 'exact'; unavailability: number[] }
  | { kind: 'fallback'; reason: string }
  | { kind: 'cancelled' };

export interface ExactOptions {
  /** Charged by every stage; its units are the exact method's. */
  budget: Budget;
}

/** Why the exact method gave up, in the user's words: the units, or the editor's time limit. */
function passed(budget: Budget, why: 'spent' | 'deadline'): string {
  return why === 'deadline' ? "passed the editor's time limit" : `needs more than the ${budget.units.toExponential(1)} units of work the analysis allows`;
}

export function exactUnavailability(
  g: ServiceGraph,
  placements: Placement[],
  groups: Groups,
  opts: ExactOptions,
): ExactOutcome {
  const { budget } = opts;
  let diagrams;
  try {
    diagrams = buildServedDiagrams(g, budget);
  } catch (err) {
    if (err instanceof Interrupted) {
      if (err.why === 'cancelled') return { kind: 'cancelled' };
      return { kind: 'fallback', reason: `building the decision diagram ${passed(budget, err.why)}` };
    }
    if (err instanceof BddTooLarge) return { kind: 'fallback', reason: `the decision diagram grew too large (${err.message})` };
    // Anything else, a stack overflow included, is a bug: it propagates to the caller, which logs it
    // (server/analyse.ts), rather than being shown to the user as a property of the model.
    throw err;
  }
  const { bdd, varNode, pseudoVar, modules, entryVars, entryFns } = diagrams;
  const nv = varNode.length;
  const qUp = new Float64Array(nv);
  const qDown = new Float64Array(nv);
  const allUp = new Uint8Array(groups.names.length).fill(1);
  const relevant = new Set<number>();
  const affected: number[] = [];
  for (let v = 0; v < nv; v++) {
    if (varNode[v] < 0) continue;
    const pl = placements[varNode[v]];
    const t = pl.table.at(countedInstances(pl, groups, allUp));
    qUp[v] = t.up;
    qDown[v] = t.down;
    const fg = failingGroupsOf(pl, groups);
    if (fg.length > 0) affected.push(v);
    for (const x of fg) relevant.add(x);
  }
  const ordered = orderGroups([...relevant], groups);
  const states = countGroupStates(ordered, groups);
  if (states > MAX_GROUP_STATES) {
    return { kind: 'fallback', reason: `${ordered.length} zones and regions can fail: ${states} states is past the exact method's limit` };
  }
  const nodeCount = modules.reduce((a, m) => a + m.nodes.length, 0);
  // P(function false) and P(function true) of every diagram node, both as sums of positive terms.
  const p0 = new Float64Array(bdd.size);
  const p1 = new Float64Array(bdd.size);
  p0[FALSE] = 1;
  p1[TRUE] = 1;
  const total = new Float64Array(entryFns.length);
  // One state costs a pass over every diagram node; charging that cost reads the clock about
  // every thousand nodes' worth of work when states are large, and every 16 states when small.
  const stateCost = Math.max(64, nodeCount + modules.length + affected.length + entryFns.length);
  let visited = 0;
  let stopped: 'cancelled' | 'spent' | 'deadline' | undefined;
  const finished = forEachGroupState(ordered, groups, (groupUp, prob) => {
    // The first state is always evaluated, so a budget of 0 still tells building from evaluating.
    if (visited++ > 0) {
      try {
        budget.step(stateCost);
      } catch (err) {
        if (!(err instanceof Interrupted)) throw err;
        stopped = err.why;
        return false;
      }
    }
    for (const v of affected) {
      const pl = placements[varNode[v]];
      const t = pl.table.at(countedInstances(pl, groups, groupUp));
      qUp[v] = t.up;
      qDown[v] = t.down;
    }
    const variable = bdd.variable;
    const low = bdd.low;
    const high = bdd.high;
    for (const m of modules) {
      if (m.direct) {
        directModule(m.direct, m.pseudoVar, pseudoVar, qUp, qDown);
        continue;
      }
      const nodes = m.nodes;
      for (let i = 0; i < nodes.length; i++) {
        const id = nodes[i];
        const v = variable[id];
        const a = qUp[v];
        const b = qDown[v];
        p0[id] = a * p0[high[id]] + b * p0[low[id]];
        p1[id] = a * p1[high[id]] + b * p1[low[id]];
      }
      if (m.pseudoVar >= 0) {
        qUp[m.pseudoVar] = p1[m.fn];
        qDown[m.pseudoVar] = p0[m.fn];
      }
    }
    for (let r = 0; r < entryFns.length; r++) {
      total[r] += prob * (entryVars[r] >= 0 ? qDown[entryVars[r]] : p0[entryFns[r]]);
    }
    return true;
  });
  if (stopped === 'cancelled') return { kind: 'cancelled' };
  if (!finished || stopped) {
    return {
      kind: 'fallback',
      reason: `exact evaluation of ${states} zone/region states × ${nodeCount} diagram nodes ${passed(budget, stopped === 'deadline' ? 'deadline' : 'spent')}`,
    };
  }
  return { kind: 'exact', unavailability: [...total].map((x) => Math.min(1, Math.max(0, x))) };
}

/**
 * P(served) and P(not served) of a module that is one component calling only
 * sub-modules: up, and in every group some target served. P(not served) is
 * accumulated as "down, or up and some group lost" with positive terms only,
 * so tiny unavailabilities keep their relative precision. Written straight
 * into the module's pseudo-variable: this runs once per module per zone
 * state, and returning a pair would allocate every time.
 */
function directModule(
  d: { upVar: number; groups: number[][] },
  into: number,
  pseudoVar: Int32Array,
  qUp: Float64Array,
  qDown: Float64Array,
): void {
  let allServed = 1;
  let someLost = 0;
  for (const targets of d.groups) {
    let lost = 1;
    for (let i = 0; i < targets.length; i++) lost *= qDown[pseudoVar[targets[i]]];
    allServed *= 1 - lost;
    someLost += lost * (1 - someLost);
  }
  const up = d.upVar >= 0 ? qUp[d.upVar] : 1;
  const down = d.upVar >= 0 ? qDown[d.upVar] : 0;
  qUp[into] = up * allServed;
  qDown[into] = down + up * someLost;
}
