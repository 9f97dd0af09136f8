/**
 * Capacity (docs/language.md §7): the load on each component, its utilisation at
 * peak, the headroom after losing one instance or one zone, and the load a
 * downstream component must carry when an optional cache fails.
 *
 * Loads are propagated once, in topological order (reverse post-order of a
 * depth-first search from the entries), so the cost is linear in components +
 * edges; each optional cache behind an optional edge adds one more pass over
 * the components after it in that order.
 *
 * Decisions the rules of docs/language.md leave open (recorded there):
 * - An entry's average load is its `rps` (or its `peak` when only that is
 *   given); its peak load is `peak` (or `rps`). An entry with neither sends
 *   nothing. Anything that flows into an entry is added to its own load.
 * - Cycles: the back edges of a depth-first search over `->` and `~>` edges,
 *   from the entries in source order with edges in source order, pass nothing
 *   and are returned in `cycleEdges`. Cycles no entry reaches carry no load and
 *   are not listed here (`findCycles` reports them for the `sync-cycle` rule).
 * - Alternatives (`a -> b | c`) split evenly over every target of the group,
 *   counting a target reached by a closing edge: that share is simply lost.
 * - `capacity` in the result is per-instance capacity × active instances.
 *   Without a declared capacity there is no utilisation, headroom or
 *   cache-failure figure.
 * - Headroom applies to active-active components with replicas ≥ 2. Losing one
 *   instance leaves replicas − 1; when `zones` names ≥ 2 distinct zones, losing
 *   the zone that holds the most instances (instance i runs in
 *   zones[i mod zones.length]; on a tie the zone listed first) leaves the rest;
 *   when those zones lie in ≥ 2 regions, likewise the region holding the most.
 *   The worst is reported; a zone or region is named only when strictly
 *   worse than losing one instance. If nothing is left, the utilisation is
 *   Infinity (0 when there is no load).
 * - Failover between alternatives (`a -> b | c`): when one member is down its
 *   share of that group's flow moves evenly to the others, so each member
 *   gains share / (members − 1). The member lost is the busiest other one
 *   (highest utilisation, then highest peak load; the first listed on a
 *   tie). When this is worse than the other losses it is the headroom figure,
 *   with the lost member named. Only the member's own figure changes: the
 *   moved load is not pushed further downstream.
 * - Cache failure: a cache is considered when at least one `optional` edge
 *   leads to it. Its failure is modelled as its hit ratio dropping to 0, so the
 *   load it used to absorb (load × hit) flows on through its own edges. Every
 *   component whose peak load rises gets the utilisation it would then have;
 *   over several caches the worst is kept, with the cache's name. The cache
 *   itself is not given a figure.
 * - Cancellation is checked every 1,024 components and before each cache's
 *   pass; a cancelled run returns partial figures and never throws.
 */
import type { ComponentModel, EdgeModel, SystemModel } from '../model/types';
import { ByName } from './by-name';
import { above } from '../compare';
import type { HeadroomLoss } from './headroom-loss';
import { entryRoots, searchFrom, systemGraph, type DepthFirst, type IndexedSystem, type SystemGraph } from './graph';

export interface CapacityFigures {
  load: number;
  peakLoad: number;
  capacity?: number;
  activeInstances: number;
  utilisation?: number;
  headroomUtilisation?: number;
  headroomLoss?: HeadroomLoss;
  /** Peak load in the headroom case: the same as peakLoad except after an alternative's failover. */
  headroomPeakLoad?: number;
  cacheFailureUtilisation?: number;
  cacheFailureCause?: string /* cache name */;
}

export interface CapacityResult {
  components: ReadonlyMap<string, CapacityFigures>;
  /** The same figures by component index (system.components order). */
  figures: CapacityFigures[];
  /** Edges that close a cycle and so passed nothing. */
  cycleEdges: EdgeModel[];
}

export interface CapacityOptions {
  isCancelled?: () => boolean;
  /** The system's edges already gathered (analyseSystem shares them between analyses). */
  graph?: SystemGraph;
}

const CANCEL_EVERY = 1024;

export function computeCapacity(system: SystemModel, opts: CapacityOptions = {}): CapacityResult {
  const graph = opts.graph ?? systemGraph(system);
  const search = searchFrom(graph.all, entryRoots(system));
  const { components: all, first, target, closes } = search;
  const order = search.postorder.slice().reverse();
  const factor = passOnFactors(search);

  // Average and peak loads, pushed along each edge in topological order.
  const load = new Float64Array(all.length);
  const peak = new Float64Array(all.length);
  for (let i = 0; i < all.length; i++) {
    const c = all[i];
    if (!c.isEntry) continue;
    load[i] = c.rps ?? c.peak ?? 0;
    peak[i] = c.peak ?? c.rps ?? 0;
  }
  let cancelled = false;
  for (let k = 0; k < order.length; k++) {
    if (k % CANCEL_EVERY === 0 && opts.isCancelled?.()) {
      cancelled = true;
      break;
    }
    const at = order[k];
    const c = all[at];
    const through = c.kind === 'cache' ? 1 - c.hit : 1;
    for (let slot = first[at]; slot < first[at + 1]; slot++) {
      if (closes[slot]) continue;
      load[target[slot]] += load[at] * through * factor[slot];
      peak[target[slot]] += peak[at] * through * factor[slot];
    }
  }

  const figures: CapacityFigures[] = new Array(all.length);
  const regionOf = regionLookup(system);
  for (let i = 0; i < all.length; i++) figures[i] = figuresFor(all[i], load[i], peak[i], regionOf);
  if (!cancelled) applyAlternativeFailover(search, peak, factor, figures);
  if (!cancelled) applyCacheFailures(graph.indexed, search, order, factor, figures, opts.isCancelled);
  return { components: new ByName(search.index, (i) => figures[i]), figures, cycleEdges: search.backEdges };
}

/** Beyond this many edges from one caller, alternatives groups are counted with a Map. */
const SMALL_FAN_OUT = 16;

/**
 * Per edge slot: calls × share, divided by the number of targets of its
 * alternatives group (edges with the same caller and group index).
 */
function passOnFactors(search: DepthFirst): Float64Array {
  const { first, edges } = search;
  const factor = new Float64Array(edges.length);
  const sizes = new Map<number, number>();
  for (let at = 0; at < search.components.length; at++) {
    const begin = first[at];
    const end = first[at + 1];
    const large = end - begin > SMALL_FAN_OUT;
    if (large) {
      sizes.clear();
      for (let slot = begin; slot < end; slot++) sizes.set(edges[slot].group, (sizes.get(edges[slot].group) ?? 0) + 1);
    }
    for (let slot = begin; slot < end; slot++) {
      const e = edges[slot];
      let size = 0;
      if (large) size = sizes.get(e.group)!;
      else for (let other = begin; other < end; other++) size += edges[other].group === e.group ? 1 : 0;
      factor[slot] = (e.calls * e.share) / size;
    }
  }
  return factor;
}
function usableCapacity(c: ComponentModel): number | undefined {
  return c.capacity !== undefined && Number.isFinite(c.capacity) && c.capacity > 0 ? c.capacity : undefined;
}

function activeInstances(c: ComponentModel): number {
  return c.mode === 'active-passive' ? 1 : Math.max(1, c.replicas);
}

/** The region a zone lies in (a name listed in `zones` may be a region itself); undefined outside any region. */
export type RegionOf = (zone: string) => string | undefined;

export function regionLookup(system: SystemModel): RegionOf {
  return (zone) => {
    const g = system.groupsByName.get(zone);
    return g?.type === 'region' ? g.name : g?.parent;
  };
}

/**
 * What the worst of losing one instance, the fullest zone or the fullest
 * region leaves running, for an active-active component with at least two
 * replicas.
 */
function headroom(c: ComponentModel, regionOf?: RegionOf): { remaining: number; lost: HeadroomLoss } | undefined {
  if (c.mode !== 'active-active' || c.replicas < 2) return undefined;
  let worst: { remaining: number; lost: HeadroomLoss } = { remaining: c.replicas - 1, lost: { kind: 'instance' } };
  const zones = c.zones;
  if (zones.some((zone) => zone !== zones[0])) {
    const [fullest, most] = fullestZone(zones, c.replicas);
    if (c.replicas - most < worst.remaining) worst = { remaining: c.replicas - most, lost: { kind: 'zone', name: fullest } };
    const regions = regionOf ? zones.map((z) => regionOf(z) ?? '') : [];
    if (regions.every((r) => r !== '') && regions.some((r) => r !== regions[0])) {
      // The same count over each slot's region instead of its zone.
      const [region, inRegion] = fullestZone(regions, c.replicas);
      if (c.replicas - inRegion < worst.remaining) worst = { remaining: c.replicas - inRegion, lost: { kind: 'region', name: region } };
    }
  }
  return worst;
}

/**
 * The zone that holds the most instances and how many. Slot j of the list
 * holds instances j, j + m, j + 2m, ...: counted without a loop over replicas,
 * which may be large. A zone listed twice adds both slots; on a tie the zone
 * listed first wins. Short lists (the usual two or three zones) are counted
 * in place, since a Map per component was most of the capacity time.
 */
function fullestZone(zones: string[], replicas: number): [string, number] {
  const m = zones.length;
  const inSlot = (j: number) => Math.floor(replicas / m) + (j < replicas % m ? 1 : 0);
  let fullest = '';
  let most = 0;
  if (m <= SMALL_FAN_OUT) {
    for (let j = 0; j < m; j++) {
      if (zones.indexOf(zones[j]) !== j) continue; // Counted with its first listing.
      let count = 0;
      for (let k = j; k < m; k++) if (zones[k] === zones[j]) count += inSlot(k);
      if (count > most) {
        fullest = zones[j];
        most = count;
      }
    }
    return [fullest, most];
  }
  const perZone = new Map<string, number>();
  zones.forEach((zone, j) => perZone.set(zone, (perZone.get(zone) ?? 0) + inSlot(j)));
  // Map order is first-listed order, so a tie keeps the zone listed first.
  for (const [zone, count] of perZone) {
    if (count > most) {
      fullest = zone;
      most = count;
    }
  }
  return [fullest, most];
}

function ratio(load: number, capacity: number): number {
  if (load <= 0) return 0;
  return capacity > 0 ? load / capacity : Infinity;
}

function figuresFor(c: ComponentModel, load: number, peakLoad: number, regionOf?: RegionOf): CapacityFigures {
  const active = activeInstances(c);
  const perInstance = usableCapacity(c);
  const figures: CapacityFigures = { load, peakLoad, activeInstances: active };
  if (perInstance === undefined) return figures;
  figures.capacity = perInstance * active;
  figures.utilisation = ratio(peakLoad, figures.capacity);
  const loss = headroom(c, regionOf);
  if (loss) {
    figures.headroomUtilisation = ratio(peakLoad, perInstance * loss.remaining);
    figures.headroomLoss = loss.lost;
    figures.headroomPeakLoad = peakLoad;
  }
  return figures;
}

/**
 * Failover inside alternatives groups (docs/language.md §7): for each group
 * of two or more members, each member's utilisation when the busiest other
 * member is down and its share of the group's flow moves to the rest.
 */
function applyAlternativeFailover(search: DepthFirst, peak: Float64Array, factor: Float64Array, figures: CapacityFigures[]): void {
  const { components: all, first, target, closes, edges } = search;
  const busier = (x: number, y: number) => {
    const ux = figures[x].utilisation ?? -1;
    const uy = figures[y].utilisation ?? -1;
    return ux !== uy ? ux > uy : figures[x].peakLoad > figures[y].peakLoad;
  };
  for (let at = 0; at < all.length; at++) {
    const through = all[at].kind === 'cache' ? 1 - all[at].hit : 1;
    for (let begin = first[at]; begin < first[at + 1]; ) {
      let end = begin + 1;
      while (end < first[at + 1] && edges[end].group === edges[begin].group) end++;
      const members = end - begin;
      let open = true;
      for (let slot = begin; slot < end; slot++) if (closes[slot]) open = false;
      if (members >= 2 && open) {
        for (let slot = begin; slot < end; slot++) {
          const b = target[slot];
          const f = figures[b];
          if (f.capacity === undefined) continue;
          let lost = -1;
          for (let other = begin; other < end; other++) {
            if (target[other] !== b && (lost < 0 || busier(target[other], target[lost]))) lost = other;
          }
          if (lost < 0) continue;
          // The lost member's share of this group's flow, split over the members left.
          const moved = (peak[at] * through * factor[lost]) / (members - 1);
          const utilisation = ratio(f.peakLoad + moved, f.capacity);
          if (f.headroomUtilisation === undefined || utilisation > f.headroomUtilisation) {
            f.headroomUtilisation = utilisation;
            f.headroomLoss = { kind: 'alternative', name: all[target[lost]].name };
            f.headroomPeakLoad = f.peakLoad + moved;
          }
        }
      }
      begin = end;
    }
  }
}

/** Past this many replicas a quick fix is not offered: the capacity is what needs rethinking. */
export const MAX_SUGGESTED_REPLICAS = 1000;

/** What a sizing fix writes: replicas (with the utilisation at peak they leave), or a per-instance capacity. */
export type SizingFix = { replicas: number; utilisationAfter: number } | { capacity: number };

/** The per-instance capacity that carries `load` at `limit`, rounded up to two significant figures. */
function capacityFor(load: number, limit: number): number {
  const needed = load / limit;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(needed)) - 1);
  return Math.ceil(needed / step) * step;
}

/**
 * What lets a component carry `load` at or below `limit`, checked with the
 * same figures the rules read. An active-active component gets the fewest
 * replicas, more than it has, that do it (with `headroom`, also at or below
 * 100% after losing one instance or its fullest zone); none past
 * MAX_SUGGESTED_REPLICAS. An active-passive one gets the per-instance
 * capacity its single active instance needs: more replicas would only add
 * standbys. Undefined without a declared capacity or a load.
 */
function sizeFor(c: ComponentModel, load: number, limit: number, headroom: boolean, regionOf?: RegionOf): SizingFix | undefined {
  const perInstance = usableCapacity(c);
  if (perInstance === undefined || !(load > 0) || !Number.isFinite(load)) return undefined;
  if (c.mode !== 'active-active') return { capacity: capacityFor(load, limit) };
  // No fewer than the load needs at the limit; then step up until everything asked for fits.
  for (let replicas = Math.max(c.replicas + 1, Math.ceil(load / (perInstance * limit)) - 1); replicas <= MAX_SUGGESTED_REPLICAS; replicas++) {
    const f = figuresFor({ ...c, replicas }, load, load, regionOf);
    // The rules' own comparison (core/compare.ts), so a size exactly at the limit is one they accept.
    if (!above(f.utilisation!, limit) && (!headroom || f.headroomUtilisation === undefined || !above(f.headroomUtilisation, 1))) return { replicas, utilisationAfter: f.utilisation! };
  }
  return undefined;
}

/**
 * What the `overload`, `hot` and `no-headroom` quick fixes write: the size
 * that carries the peak at or below `maxUtilisation` (and 100%) and keeps
 * headroom, so one fix clears all three.
 */
export function sizeForPeak(c: ComponentModel, peakLoad: number, maxUtilisation: number, regionOf?: RegionOf): SizingFix | undefined {
  return sizeFor(c, peakLoad, Math.min(1, maxUtilisation), true, regionOf);
}

/** What the `cache-failure-overload` quick fix writes: the size that carries `load` (its peak plus a failed cache's extra) at or below 100%. */
export function sizeToCarry(c: ComponentModel, load: number): SizingFix | undefined {
  return sizeFor(c, load, 1, false);
}

/**
 * For each cache behind an optional edge, push the peak load it absorbs
 * (peak × hit) through its downstream, and keep each downstream component's
 * worst utilisation. Loads are linear in what enters, so only the extra load
 * needs propagating, and only over components after the cache in topological
 * order.
 */
function applyCacheFailures(
  indexed: IndexedSystem,
  search: DepthFirst,
  order: Int32Array,
  factor: Float64Array,
  figures: CapacityFigures[],
  isCancelled?: () => boolean,
): void {
  const { components: all, first, target, closes } = search;
  const position = new Int32Array(all.length).fill(-1);
  order.forEach((at, k) => (position[at] = k));
  const behindOptional = new Set<number>();
  for (let k = 0; k < indexed.edges.length; k++) {
    const to = indexed.to[k];
    if (indexed.edges[k].optional && to >= 0 && all[to].kind === 'cache') behindOptional.add(to);
  }
  // Every component a pass touches comes at or after the cache in `order`, and
  // the pass clears each one once it is read, so the next pass starts from zeros.
  const extra = new Float64Array(all.length);
  for (const cache of [...behindOptional].sort((a, b) => a - b)) {
    const start = position[cache];
    const absorbed = figures[cache].peakLoad * all[cache].hit;
    if (start < 0 || !(absorbed > 0)) continue;
    if (isCancelled?.()) return;
    extra[cache] = absorbed;
    for (let k = start; k < order.length; k++) {
      const at = order[k];
      const added = extra[at];
      extra[at] = 0;
      if (!(added > 0)) continue;
      // The failed cache passes all of its extra on; any other cache still keeps its hit ratio.
      const through = at === cache || all[at].kind !== 'cache' ? 1 : 1 - all[at].hit;
      for (let slot = first[at]; slot < first[at + 1]; slot++) {
        if (!closes[slot]) extra[target[slot]] += added * through * factor[slot];
      }
      if (at === cache) continue;
      const f = figures[at];
      if (f.capacity === undefined) continue;
      const utilisation = ratio(f.peakLoad + added, f.capacity);
      if (f.cacheFailureUtilisation === undefined || utilisation > f.cacheFailureUtilisation) {
        f.cacheFailureUtilisation = utilisation;
        f.cacheFailureCause = all[cache].name;
      }
    }
  }
}
