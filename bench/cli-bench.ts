/**
 * `sysd` as a user runs it: a fresh process per run, from `bin/sysd.js`, so
 * start-up (loading the bundle) counts. Rows: `sysd check` and `sysd render`
 * of a 5- and a 200-component model against the start-up targets, and
 * `sysd check --format json` of 1,000, 10,000 and 40,000 components (the
 * bench generator's realistic model, and 10,000 / 40,000 one-line services,
 * the case that was quadratic), each 40,000 row checked to be within 5× of
 * its 10,000 one: the cost is linear. Builds first, so the bundle is current.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './core-bench';
import { generateSysd } from './generate';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Math.max(5, Number(process.env.CLI_RUNS ?? 7));
/** A large case needs fewer samples to show where it stands. */
const LARGE_RUNS = 3;
/** The linear-cost check: 40,000 components within this many times the cost of 10,000. */
const MAX_RATIO = 5;

/** Wall-clock milliseconds of each of `runs` processes `node bin/sysd.js ...args`, sorted. */
function time(args: string[], runs: number, script = 'bin/sysd.js'): { times: number[]; status: number | null; error?: string } {
  const times: number[] = [];
  let status: number | null = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const child = spawnSync(process.execPath, script ? [script, ...args] : args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 300_000 });
    times.push(performance.now() - start);
    status = child.status;
    if (child.error || (child.status !== 0 && child.status !== 1)) return { times, status, error: child.error?.message ?? child.stderr.split('\n')[0] };
  }
  return { times: times.sort((a, b) => a - b), status };
}

function row(name: string, args: string[], runs: number, target?: number, script?: string): BenchRow {
  const { times, error } = time(args, runs, script);
  if (error) return { name, ok: false, note: `failed: ${error}` };
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
  return { name, median, p95, target, ok: target === undefined || median <= target, info: target === undefined, note: `${runs} processes` };
}

/** The 40,000 row checked against 5× its 10,000 row. */
function linear(name: string, small: BenchRow, large: BenchRow): BenchRow {
  if (small.median === undefined || large.median === undefined) return { name, ok: false, note: 'a row failed' };
  const ratio = large.median / small.median;
  return { name, ok: ratio <= MAX_RATIO, note: `40,000 / 10,000 = ${ratio.toFixed(2)}× (≤ ${MAX_RATIO}× for 4× the components)` };
}

const oneLineServices = (n: number) => `system s {\n  users u { rps: 10 }\n  u -> s0\n${Array.from({ length: n }, (_, i) => `  service s${i}`).join('\n')}\n}\n`;

export async function run(): Promise<BenchRow[]> {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) return [{ name: 'sysd (process)', ok: false, note: `build failed: ${build.stderr.split('\n')[0]}` }];
  const dir = mkdtempSync(join(tmpdir(), 'sysd-cli-bench-'));
  try {
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const small = file('5.sysd', generateSysd({ components: 5, entries: 1 }));
    const medium = file('200.sysd', generateSysd({ components: 200 }));
    const svg = join(dir, 'out.svg');
    const rows: BenchRow[] = [
      // What any Node process costs here: the floor under every row below.
      row('node -e 0 (a process that does nothing)', ['-e', '0'], RUNS, undefined, ''),
      row('sysd check, 5 components (process)', ['check', small], RUNS, 120),
      row('sysd check, 200 components (process)', ['check', medium], RUNS, 200),
      row('sysd render, 5 components (process)', ['render', small, '-o', svg], RUNS),
      row('sysd render, 200 components (process)', ['render', medium, '-o', svg], RUNS, 800),
    ];
    const json = (name: string) => ['check', '--format', 'json', name];
    rows.push(row('sysd check --format json, 1,000 components', json(file('1k.sysd', generateSysd({ components: 1000 }))), RUNS));
    const tenK = row('sysd check --format json, 10,000 components', json(file('10k.sysd', generateSysd({ components: 10_000 }))), LARGE_RUNS);
    const fortyK = row('sysd check --format json, 40,000 components', json(file('40k.sysd', generateSysd({ components: 40_000 }))), LARGE_RUNS);
    rows.push(tenK, fortyK, linear('  linear: 40,000 ≤ 5 × 10,000 components', tenK, fortyK));
    const tenKLines = row('sysd check --format json, 10,000 one-line services', json(file('10k-lines.sysd', oneLineServices(10_000))), LARGE_RUNS);
    const fortyKLines = row('sysd check --format json, 40,000 one-line services', json(file('40k-lines.sysd', oneLineServices(40_000))), LARGE_RUNS);
    rows.push(tenKLines, fortyKLines, linear('  linear: 40,000 ≤ 5 × 10,000 one-line services', tenKLines, fortyKLines));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('cli-bench.ts')) {
  const rows = await run();
  for (const r of rows) console.log(`${r.name.padEnd(52)} ${r.median === undefined ? '' : `${r.median.toFixed(0)} ms`.padStart(9)} ${r.target === undefined ? '' : `≤ ${r.target}`} ${r.info ? '' : r.ok ? '✓' : '✗'} ${r.note ?? ''}`);
}
