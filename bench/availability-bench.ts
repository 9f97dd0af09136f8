/**
 * Times the availability engine on the sizes the performance targets name:
 * 1,000 components with 50 alternatives groups and 3 zones (target: well
 * under 100 ms, exact) and 10,000 components in chains and trees (target:
 * under ~150 ms). Run: node --import tsx bench/availability-bench.ts
 */
import { computeAvailability } from '../core/analysis/availability/index';
import type { SystemModel } from '../core/model/types';
import { buildModel, type ComponentSpec, type EdgeOptions } from '../test/unit/helpers/model-builder';

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A tree of n components under two entries, `alternatives` extra `a -> b | c` statements, some shared calls. */
export function syntheticSystem(n: number, alternatives: number, zones: number, shared: number, seed = 1): SystemModel {
  const r = rng(seed);
  const zoneNames = Array.from({ length: zones }, (_, i) => `z${i}`);
  const components: Record<string, ComponentSpec> = { web: { kind: 'users', rps: 100 }, mobile: { kind: 'users', rps: 50 } };
  const edges: (string | [string, EdgeOptions])[] = ['web -> c0', 'mobile -> c0'];
  for (let i = 0; i < n; i++) {
    components[`c${i}`] = { replicas: 1 + (i % 3), zones: zoneNames, availability: 0.999 };
    if (i > 0) edges.push(`c${Math.floor(r() * Math.min(i, 4) + Math.max(0, i - 4) * (r() < 0.5 ? 1 : r()))} -> c${i}`);
  }
  for (let k = 0; k < alternatives; k++) {
    const a = Math.floor(r() * (n - 2));
    const b = a + 1 + Math.floor(r() * (n - a - 1));
    const c = a + 1 + Math.floor(r() * (n - a - 1));
    edges.push(`c${a} -> c${b} | c${c}`);
  }
  for (let k = 0; k < shared; k++) {
    const a = Math.floor(r() * (n - 1));
    edges.push(`c${a} -> c${a + 1 + Math.floor(r() * Math.min(20, n - a - 1))}`);
  }
  return buildModel({
    groups: Object.fromEntries(zoneNames.map((z) => [z, { availability: 0.9999 }])),
    components,
    edges,
  });
}

function time(label: string, system: SystemModel): void {
  computeAvailability(system); // warm-up
  const runs = 5;
  const start = performance.now();
  let r;
  for (let i = 0; i < runs; i++) r = computeAvailability(system);
  const ms = (performance.now() - start) / runs;
  const web = r!.entries.get('web')!;
  console.log(`${label}: ${ms.toFixed(1)} ms, web ${web.availability} (${web.exactness.method}), spof ${r!.spof.size}`);
}

if (process.argv[1]?.endsWith("availability-bench.ts")) time('1,000 components, 50 alternatives, 3 zones', syntheticSystem(1000, 50, 3, 50));
if (process.argv[1]?.endsWith("availability-bench.ts")) time('10,000 components, chains and trees', syntheticSystem(10000, 0, 0, 0));
if (process.argv[1]?.endsWith("availability-bench.ts")) time('10,000 components, trees, 3 zones, 20 alternatives', syntheticSystem(10000, 20, 3, 0));
