import { seededRandom } from '../core/prng';
/**
 * A deterministic generator of realistic .sysd text for the benchmarks: one
 * system of N components with a mix of kinds, replicas spread over three
 * zones, a call tree with fan-out and a few shared calls, some alternatives
 * groups, async hops from queues, and a few `users` entries. The same options always give
 * the same text, so figures are comparable between runs and machines.
 */

export interface GenerateOptions {
  /** Components, entries included. */
  components: number;
  /** Extra `a -> b | c` statements. Default: one per 50 components. */
  alternatives?: number;
  /** Zones in the one region. Default 3. */
  zones?: number;
  /** Entries (`users`). Default 3. */
  entries?: number;
  seed?: number;
}

/** mulberry32 (core/prng.ts): small, fast and good enough to pick kinds and targets. */
const prng = seededRandom;

/** Kinds by tier, roughly as a web system has them: a few edges, many services, some stores. */
const TIERS: { kind: string; share: number; props: (r: () => number, zones: string) => string }[] = [
  { kind: 'lb', share: 0.03, props: (_, z) => `replicas: 2; capacity: 50k rps; zones: ${z}` },
  { kind: 'gateway', share: 0.04, props: (_, z) => `replicas: 3; capacity: 20k rps; latency: 2ms; zones: ${z}` },
  { kind: 'service', share: 0.5, props: (r, z) => `replicas: ${2 + Math.floor(r() * 4)}; capacity: ${1 + Math.floor(r() * 9)}k rps; latency: ${5 + Math.floor(r() * 40)}ms; zones: ${z}` },
  { kind: 'cache', share: 0.08, props: (r) => `hit: ${50 + Math.floor(r() * 45)}%; capacity: 50k rps; latency: 1ms` },
  { kind: 'function', share: 0.05, props: () => 'availability: 99.95%; capacity: 1k rps' },
  { kind: 'database', share: 0.12, props: (r, z) => `replicas: 2; replication: ${r() < 0.5 ? 'sync' : 'async'}; capacity: 5k rps; latency: 4ms; zones: ${z}` },
  { kind: 'queue', share: 0.06, props: (_, z) => `replicas: 3; zones: ${z}` },
  { kind: 'worker', share: 0.08, props: (r) => `replicas: ${1 + Math.floor(r() * 3)}; capacity: 500 rps` },
  { kind: 'external', share: 0.04, props: () => 'availability: 99.99%' },
];

export function generateSysd(options: GenerateOptions): string {
  const r = prng(options.seed ?? 42);
  const zoneCount = options.zones ?? 3;
  const entries = Math.max(1, Math.min(options.entries ?? 3, options.components));
  const total = Math.max(entries + 1, options.components);
  const alternatives = options.alternatives ?? Math.floor(total / 50);
  const zones = Array.from({ length: zoneCount }, (_, i) => `z${i + 1}`);
  const lines = [`system generated "Generated, ${total} components" {`, '  slo: 99.9%', '  latency-slo: 500ms'];
  if (zones.length) {
    lines.push('  region main {');
    for (const z of zones) lines.push(`    zone ${z} { availability: 99.99% }`);
    lines.push('  }');
  }
  for (let i = 0; i < entries; i++) lines.push(`  users entry-${i} "Entry ${i}" { rps: ${1 + i}k; peak: ${3 * (1 + i)}k }`);

  // Components in tiers; a component calls two to four in later tiers (fan-out) so the graph is a DAG.
  const names: string[] = [];
  const kinds: string[] = [];
  const count = total - entries;
  let t = 0;
  let inTier = 0;
  for (let i = 0; i < count; i++) {
    while (t < TIERS.length - 1 && inTier >= Math.ceil(TIERS[t].share * count)) {
      t++;
      inTier = 0;
    }
    const tier = TIERS[t];
    const name = `${tier.kind}-${i}`;
    const spread = zones.length ? zones.slice(0, 2 + Math.floor(r() * (zones.length - 1))).join(', ') : '';
    let props = tier.props(r, spread);
    if (!zones.length) props = props.replace(/; zones: .*$/, '');
    lines.push(`  ${tier.kind} ${name} { ${props} }`);
    names.push(name);
    kinds.push(tier.kind);
    inTier++;
  }
  for (let i = 0; i < entries; i++) lines.push(`  entry-${i} -> ${names[0]}`);
  // A tree with fan-out 3 (each statement `parent -> a, b, c` splits its load by share),
  // so every component is reached and loads stay plausible, plus a few shared calls.
  const children = new Map<number, number[]>();
  for (let i = 1; i < names.length; i++) {
    const parent = Math.floor((i - 1) / 3);
    children.set(parent, [...(children.get(parent) ?? []), i]);
  }
  for (const [parent, list] of children) {
    const arrow = kinds[parent] === 'queue' ? '~>' : '->';
    const extra = kinds[parent] === 'service' && r() < 0.1 ? '; timeout: 2s; retries: 1; breaker' : '';
    lines.push(`  ${names[parent]} ${arrow} ${list.map((c) => names[c]).join(', ')} { share: ${Math.round(100 / list.length)}%${extra} }`);
  }
  for (let i = 0; i + 2 < names.length; i++) {
    if (r() >= 0.02) continue;
    lines.push(`  ${names[i]} -> ${names[i + 1 + Math.floor(r() * Math.min(20, names.length - i - 1))]} { share: 5% }`);
  }
  for (let k = 0; k < alternatives && names.length > 3; k++) {
    const a = Math.floor(r() * (names.length - 2));
    const b = a + 1 + Math.floor(r() * (names.length - a - 1));
    let c = a + 1 + Math.floor(r() * (names.length - a - 1));
    if (c === b) c = b + 1 < names.length ? b + 1 : a + 1;
    if (c === b) continue;
    lines.push(`  ${names[a]} -> ${names[b]} | ${names[c]} "failover ${k}" { share: 10% }`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
