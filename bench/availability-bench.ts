/**
 * Times the availability engine on the sizes the performance targets name:
 * 1,000 components with 50 alternatives groups and 3 zones (target: well
 * under 100 ms, exact), 10,000 components in chains and trees, the
 * 10,000-component generated model with its 200 alternatives groups (which
 * once never returned; target: exact, under 100 ms, half of analyseText's
 * 200 ms), and the same model with a 1,000-unit exact budget, which must
 * come back as a Monte Carlo estimate drawn with the default sampling units.
 * `npm run bench` runs `run()`; `node --import tsx bench/availability-bench.ts` prints the rows.
 */
import { computeAvailability, type AvailabilityOptions } from '../core/analysis/availability/index';
import type { SystemModel } from '../core/model/types';
import { buildModel, type ComponentSpec, type EdgeOptions } from '../test/unit/helpers/model-builder';
import { buildModel as buildFromText } from '../core/model/build';
import { parse } from '../grammar/parse';
import { measure, type BenchRow } from './core-bench';
import { generateSysd } from './generate';

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

function generated(components: number, alternatives?: number): SystemModel {
  const text = generateSysd({ components, alternatives });
  return buildFromText(parse(text).ast, text).systems[0];
}

/** One row: median/p95 of computeAvailability, and which method the figures came from. */
function row(name: string, system: SystemModel, target: number, options: AvailabilityOptions = {}, expect: 'exact' | 'monte-carlo' = 'exact', runs?: number): BenchRow {
  const result = computeAvailability(system, options);
  const methods = [...new Set([...result.entries.values()].map((e) => e.exactness.method))];
  const { median, p95 } = measure(() => computeAvailability(system, options), runs);
  const ok = median <= target && methods.length === 1 && methods[0] === expect;
  return { name, median, p95, target, ok, note: methods.join(', ') || 'no entries' };
}

export async function run(): Promise<BenchRow[]> {
  const big = generated(10_000);
  return [
    row('availability, synthetic 1,000 components, 50 alternatives, 3 zones', syntheticSystem(1000, 50, 3, 50), 100),
    row('availability, synthetic 10,000 components, chains and trees', syntheticSystem(10_000, 0, 0, 0), 150),
    row('availability, synthetic 10,000 components, 3 zones, 20 alternatives', syntheticSystem(10_000, 20, 3, 0), 150),
    row('availability, generated 10,000 components, 200 alternatives, 3 zones', big, 100),
    // 1,000 units for the exact method: it falls back at once and Monte Carlo's default units decide the time.
    row('availability, generated 10,000 components, 1,000-unit exact budget', big, 800, { exactUnits: 1000 }, 'monte-carlo', 3),
  ];
}

if (process.argv[1]?.endsWith('availability-bench.ts')) {
  run().then((rows) => {
    for (const r of rows) console.log(`${r.ok ? '✓' : '✗'} ${r.name}: median ${r.median?.toFixed(1)} ms, p95 ${r.p95?.toFixed(1)} ms (target ≤ ${r.target}), ${r.note}`);
  });
}
