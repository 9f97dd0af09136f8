/**
 * The availability engine and SPOF analysis of docs/language.md §6 and §9:
 * per-component and per-instance availability, exact entry availability (or,
 * past the budget, a clearly labelled Monte Carlo estimate), the
 * rps-weighted system figure, and the blast radius of every component, zone
 * and region.
 *
 * Decisions the rules of docs/language.md leave open (recorded there):
 * - System weights: an entry's `rps`; when no entry has a positive `rps`,
 *   every entry weighs the same. An entry without `rps` beside entries that
 *   have one weighs 0.
 * - `zoneSpof` and `spof` list only groups/components that break at least
 *   one entry; `breaks` lists every component (entries with []).
 * - Zones and regions without an availability never fail in the figures,
 *   but their hypothetical failure is still checked for `zone-spof`: a
 *   design that loses an entry with one zone is worth a warning either way.
 * - When `isCancelled()` turns true the result is partial: entries not yet
 *   computed are missing and the system figure is undefined.
 * - The exact method and Monte Carlo draw units of work from the analysis's
 *   one budget (./work.ts); units, never time, decide between them and fix
 *   the sample count. Only the editor adds a wall-clock deadline.
 */
import type { Exactness } from '../types';
import type { SystemModel } from '../../model/types';
import { dropAbsorbedAlternatives } from './absorbed-groups';
import { Budget, Interrupted } from './budget';
import { AnalysisBudget, type WorkLimits } from './work';
import { indexGroups, placeAll } from './component-up';
import { exactUnavailability } from './exact';
import { monteCarlo } from './monte-carlo';
import { buildServiceGraph, type ServiceGraph } from './service-graph';
import { breaksByNode, cannotLoseOne, zoneBreaks } from './spof';

export type { Exactness } from '../types';

export interface EntryAvailability {
  availability: number;
  /** 1 − availability, computed directly so it keeps its relative precision. */
  unavailability: number;
  exactness: Exactness;
}

export interface AvailabilityResult {
  /** P(component up), zones/regions included, failover penalty for active-passive. */
  componentAvailability: Map<string, number>;
  /** P(component down), computed directly so it keeps its relative precision. */
  componentUnavailability: Map<string, number>;
  instanceAvailability: Map<string, number>;
  entries: Map<string, EntryAvailability>;
  /** rps-weighted mean of the entries; undefined without entries. */
  system: { availability?: number; unavailability?: number; exactness: Exactness };
  /** Components that satisfy the spof definition -> entries their failure alone breaks. */
  spof: Map<string, string[]>;
  /** Every component -> entries its failure alone (everything else up) breaks. */
  breaks: Map<string, string[]>;
  /** Zones/regions whose failure alone breaks an entry -> those entries. */
  zoneSpof: Map<string, string[]>;
  /** The requirement groups by component index (../requirements.ts), for "needed by". */
  serviceGraph: ServiceGraph;
}

export interface AvailabilityOptions extends WorkLimits {
  /** The analysis's one budget, shared by its systems; without it, one is made from the limits for this system. */
  work?: AnalysisBudget;
}

const EXACT: Exactness = { method: 'exact' };

export function computeAvailability(system: SystemModel, opts: AvailabilityOptions = {}): AvailabilityResult {
  const work = opts.work ?? new AnalysisBudget(opts);
  const isCancelled = work.isCancelled;
  const graph = buildServiceGraph(system);
  const result: AvailabilityResult = {
    componentAvailability: new Map(),
    componentUnavailability: new Map(),
    instanceAvailability: new Map(),
    entries: new Map(),
    system: { exactness: EXACT },
    spof: new Map(),
    breaks: new Map(),
    zoneSpof: new Map(),
    serviceGraph: graph,
  };
  const groups = indexGroups(system);
  // Placing components computes their binomial tables. Every method needs them, like the blast
  // radius below, so they are not charged to the exact method's budget but counted against a cap
  // of their own; past it (replicas in the trillions) the result has no figures, like a cancel.
  let placed: ReturnType<typeof placeAll>;
  try {
    placed = placeAll(system.components, groups, new Budget(PLACEMENT_WORK, isCancelled));
  } catch (err) {
    if (err instanceof Interrupted) return result;
    throw err;
  }
  const { placements, up, down } = placed;
  system.components.forEach((c, x) => {
    result.instanceAvailability.set(c.name, c.isEntry ? 1 : c.availability);
    result.componentAvailability.set(c.name, up[x]);
    result.componentUnavailability.set(c.name, down[x]);
  });
  const entryNames = graph.entries.map((e) => graph.names[e]);

  // Blast radius first: it is cheap and does not depend on the budget.
  const breaks = breaksByNode(graph, isCancelled);
  if (!breaks) return result;
  system.components.forEach((c, x) => {
    if (graph.index.get(c.name) !== x) return;
    const hit = breaks[x].map((i) => entryNames[i]);
    result.breaks.set(c.name, hit);
    if (!c.isEntry && hit.length > 0 && cannotLoseOne(c)) result.spof.set(c.name, hit);
  });
  zoneBreaks(graph, system.components, placements, groups).forEach((hit, gi) => {
    if (hit.length > 0) result.zoneSpof.set(groups.names[gi], hit.map((i) => entryNames[i]));
  });
  if (graph.entries.length === 0 || isCancelled()) return result;

  // Same entry figures, far smaller diagrams; the blast radius above keeps the full graph.
  const served = dropAbsorbedAlternatives(graph);
  const budget = work.exact();
  const exact = exactUnavailability(served, placements, groups, { budget });
  work.spendExact(budget);
  if (exact.kind === 'cancelled') return result;
  if (exact.kind === 'exact') {
    exact.unavailability.forEach((u, i) => {
      result.entries.set(entryNames[i], { availability: 1 - u, unavailability: u, exactness: EXACT });
    });
  } else {
    const mc = monteCarlo(served, placements, groups, work.clock(), work.monteCarlo());
    if (!mc) return result;
    work.spendMonteCarlo(mc.units);
    const cut = mc.stoppedEarly ? `; sampling stopped at the editor's time limit after ${mc.samples} of ${mc.planned} samples, so the interval is wider` : '';
    const reason = `Monte Carlo estimate: ${exact.reason}${cut}`;
    mc.entries.forEach((e, i) => {
      result.entries.set(entryNames[i], {
        availability: e.availability,
        unavailability: 1 - e.availability,
        exactness: { method: 'monte-carlo', samples: mc.samples, low: e.low, high: e.high, reason },
      });
    });
  }
  result.system = systemFigure(system, [...result.entries.values()], entryNames);
  return result;
}

/**
 * Units of work placing components may take: a binomial term each, about
 * 20 standard deviations of a component's instance count per table entry,
 * so `replicas: 1e12` at 50% fits and absurd counts stop.
 */
export const PLACEMENT_WORK = 50_000_000;

/** The rps-weighted system figure (docs/language.md §6) over entry figures; what-if reuses it for one scenario. */
export function systemFigure(
  system: SystemModel,
  entries: EntryAvailability[],
  names: string[],
): AvailabilityResult['system'] {
  const rps = names.map((n) => {
    const r = system.componentsByName.get(n)?.rps;
    return r !== undefined && Number.isFinite(r) && r > 0 ? r : 0;
  });
  const sum = rps.reduce((a, b) => a + b, 0);
  const weights = sum > 0 ? rps.map((r) => r / sum) : rps.map(() => 1 / rps.length);
  let u = 0;
  let low = 0;
  let high = 0;
  let mc: Extract<Exactness, { method: 'monte-carlo' }> | undefined;
  entries.forEach((e, i) => {
    u += weights[i] * e.unavailability;
    const x = e.exactness;
    if (x.method === 'monte-carlo') {
      mc ??= x;
      low += weights[i] * x.low;
      high += weights[i] * x.high;
    } else {
      low += weights[i] * e.availability;
      high += weights[i] * e.availability;
    }
  });
  const exactness: Exactness = mc ? { ...mc, low, high } : EXACT;
  return { availability: 1 - u, unavailability: u, exactness };
}
