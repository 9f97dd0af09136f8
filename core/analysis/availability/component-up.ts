/**
 * Where a component's instances run, and so which zone and region failures
 * take instances away (docs/language.md §6): instance i runs in zones[i mod m] and
 * counts only while that zone, the zone's region and the component's own
 * region are up.
 *
 * Decisions the rules of docs/language.md leave open (recorded there):
 * - A zone name the system does not declare never fails (the model builder
 *   has already reported it as `unknown-reference`).
 * - A component with `region` set and no zones depends on the region only.
 * - A group whose availability is undefined or 1 never fails, so it never
 *   becomes a variable of the engine.
 */
import type { ComponentModel, SystemModel } from '../../model/types';
import { type Budget, unlimited } from './budget';
import { upDownByCount, type UpDown, type UpDownTable } from './instance';

/** The groups of one system by index, with what the engine needs of each. */
export interface Groups {
  names: string[];
  index: Map<string, number>;
  /** P(group up); 1 for a group that never fails. */
  up: Float64Array;
  /** P(group down), computed directly. */
  down: Float64Array;
  /** Index of a zone's region, or -1. */
  parent: Int32Array;
  /** True when the group can fail (0 ≤ availability < 1). */
  failing: boolean[];
}

export function indexGroups(system: SystemModel): Groups {
  const names = system.groups.map((g) => g.name);
  const index = new Map(names.map((n, i) => [n, i] as [string, number]));
  const up = new Float64Array(names.length);
  const down = new Float64Array(names.length);
  const parent = new Int32Array(names.length).fill(-1);
  const failing: boolean[] = [];
  system.groups.forEach((g, i) => {
    const a = g.availability;
    const fails = a !== undefined && Number.isFinite(a) && a < 1;
    up[i] = fails ? Math.max(0, a) : 1;
    down[i] = fails ? 1 - Math.max(0, a) : 0;
    failing.push(fails);
    const p = g.parent === undefined ? undefined : index.get(g.parent);
    if (p !== undefined && p !== i) parent[i] = p;
  });
  return { names, index, up, down, parent, failing };
}

/** Instances of one component that run in one zone (or nowhere: zone -1). */
export interface Slot {
  zone: number;
  count: number;
}

export interface Placement {
  /** The component's own region, or -1. */
  region: number;
  slots: Slot[];
  /** P(up)/P(down) by number of counted instances. */
  table: UpDownTable;
}

export function placeComponent(c: ComponentModel, groups: Groups): Placement {
  const replicas = Math.max(0, Math.floor(c.replicas));
  const region = c.region === undefined ? -1 : groups.index.get(c.region) ?? -1;
  const zones = c.zones.map((z) => groups.index.get(z) ?? -1);
  // Instance i runs in zones[i mod m]: the first `replicas mod m` zones get one more. Counted, not
  // enumerated, so the cost is the number of zones whatever `replicas` is.
  const counts = new Map<number, number>();
  if (zones.length === 0) {
    if (replicas > 0) counts.set(-1, replicas);
  } else {
    const each = Math.floor(replicas / zones.length);
    const extra = replicas - each * zones.length;
    for (let i = 0; i < Math.min(zones.length, replicas); i++) {
      counts.set(zones[i], (counts.get(zones[i]) ?? 0) + each + (i < extra ? 1 : 0));
    }
  }
  const slots = [...counts].map(([zone, count]) => ({ zone, count }));
  return { region, slots, table: upDownByCount(c) };
}

/** The groups whose state can change this component's counted instances. */
export function failingGroupsOf(pl: Placement, groups: Groups): number[] {
  const out = new Set<number>();
  if (pl.region >= 0 && groups.failing[pl.region]) out.add(pl.region);
  for (const s of pl.slots) {
    if (s.zone < 0) continue;
    if (groups.failing[s.zone]) out.add(s.zone);
    const r = groups.parent[s.zone];
    if (r >= 0 && groups.failing[r]) out.add(r);
  }
  return [...out];
}

/** Counted instances for one state of the groups (groupUp[i] = 1 when group i is up). */
export function countedInstances(pl: Placement, groups: Groups, groupUp: Uint8Array): number {
  if (pl.region >= 0 && !groupUp[pl.region]) return 0;
  let n = 0;
  for (const s of pl.slots) {
    if (s.zone >= 0) {
      if (!groupUp[s.zone]) continue;
      const r = groups.parent[s.zone];
      if (r >= 0 && !groupUp[r]) continue;
    }
    n += s.count;
  }
  return n;
}

/**
 * A distribution of counted instances, kept sparse: a component's counts are
 * sums of a few zones' shares, so there are few of them even when
 * `replicas` is in the millions.
 */
type Dist = Map<number, number>;

function convolve(a: Dist, b: Dist, budget: Budget): Dist {
  const out: Dist = new Map();
  for (const [i, pa] of a) {
    for (const [j, pb] of b) {
      budget.step();
      out.set(i + j, (out.get(i + j) ?? 0) + pa * pb);
    }
  }
  return out;
}

function point(count: number, upP: number, downP: number): Dist {
  const d: Dist = new Map([[0, downP]]);
  d.set(count, (d.get(count) ?? 0) + upP);
  return d;
}

/**
 * P(component up) over every state of its zones and regions, exactly and in
 * polynomial time: zones are independent given their region, so the
 * distribution of counted instances is a convolution, regions mixing in
 * "all of my zones lost" with their own down-probability.
 */
export function marginalUpDown(pl: Placement, groups: Groups, budget: Budget = unlimited()): UpDown {
  let dist: Dist = new Map([[0, 1]]);
  const byRegion = new Map<number, Dist>();
  for (const s of pl.slots) {
    const zf = s.zone >= 0 && groups.failing[s.zone];
    const zd = zf ? point(s.count, groups.up[s.zone], groups.down[s.zone]) : point(s.count, 1, 0);
    const r = s.zone >= 0 ? groups.parent[s.zone] : -1;
    // The component's own region is conditioned on outside, so it is not mixed in twice.
    if (r >= 0 && r !== pl.region && groups.failing[r]) {
      byRegion.set(r, convolve(byRegion.get(r) ?? new Map([[0, 1]]), zd, budget));
    } else {
      dist = convolve(dist, zd, budget);
    }
  }
  for (const [r, inner] of byRegion) {
    const mixed: Dist = new Map([[0, groups.down[r]]]);
    for (const [i, pi] of inner) mixed.set(i, (mixed.get(i) ?? 0) + groups.up[r] * pi);
    dist = convolve(dist, mixed, budget);
  }
  let up = 0;
  let down = 0;
  // In increasing count, the order the terms were always added in.
  for (const n of [...dist.keys()].sort((x, y) => x - y)) {
    // Computed even when its probability is 0: the engine later reads the entry of every count a
    // state of the zones can leave, and finds it here, already charged to the budget.
    const pn = dist.get(n)!;
    const t = pl.table.at(n, budget);
    up += pn * t.up;
    down += pn * t.down;
  }
  if (pl.region >= 0 && groups.failing[pl.region]) {
    up *= groups.up[pl.region];
    down = groups.down[pl.region] + groups.up[pl.region] * down;
  }
  return { up, down };
}

/**
 * Placements and marginal P(up) of every component. Large models repeat a
 * handful of shapes (same replicas, availability and zones), and the
 * marginal is a convolution per component, so identical inputs share one
 * placement and one marginal; on 10,000 generated components this takes
 * the stage from ~60 ms to a few. Placements are read-only afterwards, so
 * sharing them is safe.
 */
export function placeAll(components: ComponentModel[], groups: Groups, budget: Budget = unlimited()): { placements: Placement[]; up: Float64Array; down: Float64Array } {
  const placements: Placement[] = [];
  const up = new Float64Array(components.length);
  // P(down) as computed, not 1 − up: six replicas at 99.9% are down 1e-18 of the time, which 1 − up loses.
  const down = new Float64Array(components.length);
  const seen = new Map<string, { pl: Placement; up: number; down: number }>();
  components.forEach((c, x) => {
    budget.step();
    const key = `${c.replicas}|${c.minUp}|${c.mode}|${c.availability}|${c.mttr}|${c.failover}|${c.region ?? ''}|${c.zones.join('\u0000')}`;
    let hit = seen.get(key);
    if (!hit) {
      const pl = placeComponent(c, groups);
      const m = marginalUpDown(pl, groups, budget);
      hit = { pl, up: m.up, down: m.down };
      seen.set(key, hit);
    }
    placements.push(hit.pl);
    up[x] = c.isEntry ? 1 : hit.up;
    down[x] = c.isEntry ? 0 : hit.down;
  });
  return { placements, up, down };
}
