/**
 * The engine against a brute-force enumerator written here, independently of
 * the engine: every up/down state of every zone, region and component, its
 * probability, and the greatest fixed point of "served" computed directly.
 * A few hundred random small models (seeded) cover replicas, min-up,
 * active-passive, zones, a region, alternatives, optional and async edges
 * (optional calls to caches, which stay transparent) and
 * cycles.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeAvailability } from '../../core/analysis/availability/index';
import type { ComponentModel, SystemModel } from '../../core/model/types';
import { buildModel, type ComponentSpec, type EdgeOptions, type GroupSpec } from './helpers/model-builder';

/** xorshift32, deliberately not the engine's generator. */
function rng(seed: number): () => number {
  let s = seed || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

function randomModel(seed: number): SystemModel {
  const r = rng(seed * 7919 + 13);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const groups: Record<string, GroupSpec> = {};
  const zoneNames: string[] = [];
  const nZones = Math.floor(r() * 4);
  const region = nZones > 0 && r() < 0.4 ? 'reg' : undefined;
  if (region) groups[region] = { type: 'region', availability: pick([undefined, 0.97, 0.9]) };
  for (let i = 0; i < nZones; i++) {
    const name = `z${i}`;
    zoneNames.push(name);
    groups[name] = { availability: pick([undefined, 0.95, 0.8, 0.99]), parent: region && r() < 0.7 ? region : undefined };
  }
  const components: Record<string, ComponentSpec> = {};
  const nEntries = 1 + Math.floor(r() * 2);
  const nComponents = 1 + Math.floor(r() * 8);
  const entries = Array.from({ length: nEntries }, (_, i) => `e${i}`);
  const names = Array.from({ length: nComponents }, (_, i) => `c${i}`);
  entries.forEach((e) => (components[e] = { kind: pick(['users', 'client'] as const), rps: r() < 0.5 ? Math.floor(r() * 1000) : undefined }));
  for (const name of names) {
    const replicas = 1 + Math.floor(r() * 3);
    const zones = zoneNames.filter(() => r() < 0.5);
    components[name] = {
      kind: pick(['service', 'database', 'cache', 'lb'] as const),
      replicas,
      minUp: 1 + Math.floor(r() * replicas),
      mode: r() < 0.3 ? 'active-passive' : 'active-active',
      availability: pick([0.999, 0.99, 0.9, 0.7, 0.5, 1]),
      mttr: pick([600, 3600, 7200]),
      failover: pick([0, 10, 120, 600]),
      zones: r() < 0.2 ? zones.reverse() : zones,
      region: region && r() < 0.2 ? region : undefined,
    };
  }
  const edges: (string | [string, EdgeOptions])[] = [];
  for (const from of [...entries, ...names]) {
    const statements = Math.floor(r() * (from.startsWith('e') ? 3 : 2.4));
    for (let s = 0; s < statements; s++) {
      const alts = Array.from({ length: 1 + Math.floor(r() * 2.5) }, () => pick(names));
      const arrow = r() < 0.15 ? '~>' : '->';
      edges.push([`${from} ${arrow} ${alts.join(' | ')}`, { optional: r() < 0.15 }]);
    }
  }
  return buildModel({ groups, components, edges });
}

/** P(component up) and P(down) given which instances count, by enumerating instance states. */
function componentUpDown(c: ComponentModel, counted: number): [number, number] {
  const k = c.mode === 'active-passive' ? 1 : c.minUp;
  let up = 0;
  let down = 0;
  for (let mask = 0; mask < 1 << counted; mask++) {
    let p = 1;
    let ups = 0;
    for (let i = 0; i < counted; i++) {
      if (mask & (1 << i)) {
        p *= c.availability;
        ups++;
      } else p *= 1 - c.availability;
    }
    if (ups >= k) up += p;
    else down += p;
  }
  if (c.mode === 'active-passive' && counted >= 2) {
    const pen = ((1 - c.availability) / (c.availability * (c.mttr / 3600))) * (c.failover / 3600);
    if (pen > 0) {
      up = Math.max(0, up - pen);
      down = Math.min(1, down + pen);
    }
  }
  return [up, down];
}

function countedOf(system: SystemModel, c: ComponentModel, groupUp: Map<string, boolean>): number {
  if (c.region && !groupUp.get(c.region)) return 0;
  let n = 0;
  for (let i = 0; i < c.replicas; i++) {
    if (c.zones.length > 0) {
      const z = c.zones[i % c.zones.length];
      const parent = system.groupsByName.get(z)?.parent;
      if (!groupUp.get(z) || (parent && !groupUp.get(parent))) continue;
    }
    n++;
  }
  return n;
}

/**
 * Requirement groups as docs/language.md §6 words them, written out here
 * rather than imported: non-optional `->` groups, and for an optional call
 * to a cache with hit below 100% that cache's own groups, a cache on the way
 * not entered twice.
 */
function requirementGroups(system: SystemModel, name: string, way: string[] = []): string[][] {
  const out: string[][] = [];
  for (const g of system.dependencies.get(name) ?? []) {
    if (g.kind !== 'sync') continue;
    if (!g.optional) out.push(g.targets);
    else {
      for (const t of g.targets) {
        const c = system.componentsByName.get(t);
        if (c?.kind === 'cache' && c.hit < 1 && !way.includes(t)) out.push(...requirementGroups(system, t, [...way, t]));
      }
    }
  }
  return out;
}

/** Names served: the greatest fixed point, by repeatedly removing what cannot be served. */
function servedSet(system: SystemModel, up: Set<string>): Set<string> {
  const s = new Set(up);
  for (const c of system.components) if (c.isEntry) s.add(c.name);
  let changed = true;
  while (changed) {
    changed = false;
    for (const name of [...s]) {
      const ok = requirementGroups(system, name).every((targets) => targets.some((t) => s.has(t)));
      if (!ok) {
        s.delete(name);
        changed = true;
      }
    }
  }
  return s;
}

function bruteForce(system: SystemModel) {
  const groups = system.groups;
  const comps = system.components.filter((c) => !c.isEntry);
  const entries = system.components.filter((c) => c.isEntry).map((c) => c.name);
  const unavail = new Map(entries.map((e) => [e, 0]));
  const compUp = new Map(comps.map((c) => [c.name, 0]));
  for (let gm = 0; gm < 1 << groups.length; gm++) {
    const groupUp = new Map<string, boolean>();
    let pg = 1;
    groups.forEach((g, i) => {
      const isUp = (gm & (1 << i)) !== 0;
      groupUp.set(g.name, isUp);
      const a = g.availability ?? 1;
      pg *= isUp ? a : 1 - a;
    });
    if (pg === 0) continue;
    const probs = comps.map((c) => componentUpDown(c, countedOf(system, c, groupUp)));
    comps.forEach((c, i) => compUp.set(c.name, compUp.get(c.name)! + pg * probs[i][0]));
    for (let cm = 0; cm < 1 << comps.length; cm++) {
      let p = pg;
      const up = new Set<string>();
      comps.forEach((c, i) => {
        if (cm & (1 << i)) {
          up.add(c.name);
          p *= probs[i][0];
        } else p *= probs[i][1];
      });
      if (p === 0) continue;
      const s = servedSet(system, up);
      for (const e of entries) if (!s.has(e)) unavail.set(e, unavail.get(e)! + p);
    }
  }
  const allUp = new Set(comps.map((c) => c.name));
  const spof = new Map<string, string[]>();
  for (const c of comps) {
    const up = new Set(allUp);
    up.delete(c.name);
    const s = servedSet(system, up);
    const broken = entries.filter((e) => !s.has(e));
    const k = c.mode === 'active-passive' ? 1 : c.minUp;
    if (broken.length > 0 && c.replicas - k < 1) spof.set(c.name, broken);
  }
  const zoneSpof = new Map<string, string[]>();
  for (const g of groups) {
    const groupUp = new Map(groups.map((h) => [h.name, h !== g] as [string, boolean]));
    const up = new Set(comps.filter((c) => countedOf(system, c, groupUp) >= (c.mode === 'active-passive' ? 1 : c.minUp)).map((c) => c.name));
    const s = servedSet(system, up);
    const broken = entries.filter((e) => !s.has(e));
    if (broken.length > 0) zoneSpof.set(g.name, broken);
  }
  return { unavail, compUp, spof, zoneSpof };
}

const sorted = (m: Map<string, string[]>) => [...m].map(([k, v]) => `${k}:${[...v].sort().join(',')}`).sort();

test('the engine equals brute-force enumeration on 400 random small models', () => {
  let nonTrivial = 0;
  for (let seed = 1; seed <= 400; seed++) {
    const system = randomModel(seed);
    const engine = computeAvailability(system);
    const brute = bruteForce(system);
    for (const [entry, u] of brute.unavail) {
      const got = engine.entries.get(entry)!;
      assert.deepEqual(got.exactness, { method: 'exact' }, `seed ${seed}`);
      assert.ok(Math.abs(got.unavailability - u) <= 1e-9 * u + 1e-15, `seed ${seed} entry ${entry}: unavailability ${got.unavailability} vs brute force ${u}`);
      if (u > 1e-6 && u < 0.5) nonTrivial++;
    }
    for (const [name, up] of brute.compUp) {
      const got = engine.componentAvailability.get(name)!;
      assert.ok(Math.abs(got - up) <= 1e-12, `seed ${seed} component ${name}: ${got} vs ${up}`);
    }
    assert.deepEqual(sorted(engine.spof), sorted(brute.spof), `seed ${seed}: spof`);
    assert.deepEqual(sorted(engine.zoneSpof), sorted(brute.zoneSpof), `seed ${seed}: zone-spof`);
  }
  // The generator must produce interesting figures, not only 0 and 1.
  assert.ok(nonTrivial > 100, `only ${nonTrivial} non-trivial entries`);
});
