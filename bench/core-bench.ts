/**
 * Core benchmarks against the targets of the performance issue: lex + parse +
 * model, the whole analysis (`analyseText`), and exact availability on a
 * model with alternatives and zones. Each figure is the median and p95 of at
 * least 15 timed runs after warm-up, on text from the deterministic generator,
 * each case in a process started with the language server's V8 flags (the
 * 1,000-component cases in three, reporting the middle one). Under
 * each 10,000-component row, a floor row (no target) gives the median of the
 * runs during which no garbage collection ran, with a young generation allowed
 * to grow to 1 GB: how fast that case could be if the collector cost nothing.
 * Under the floor, a churn row runs, with the server's flags, a loop that only
 * allocates as many megabytes as the case and keeps as many alive until it
 * returns: what that much memory costs on this machine with no work at all.
 */
import { spawnSync } from 'node:child_process';
import { PerformanceObserver } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { parse } from '../grammar/parse';
import { buildModel } from '../core/model/build';
import { analyseText } from '../core/index';
import { computeAvailability } from '../core/analysis/availability/index';
import { generateSysd } from './generate';
import { SERVER_EXEC_ARGV } from '../server/runtime-flags';

export interface BenchRow {
  name: string;
  /** Milliseconds; undefined when the bench reports only pass/fail. */
  median?: number;
  p95?: number;
  /** Target for the median, in milliseconds. */
  target?: number;
  ok: boolean;
  /** A row that informs and passes or fails nothing: no ✓ or ✗. */
  info?: boolean;
  note?: string;
  /** A floor's case: what one run allocates and keeps (MB), for the churn row under it; not printed. */
  footprint?: { allocatedMb: number; keptMb: number };
}

const RUNS = Math.max(15, Number(process.env.RUNS ?? 15));
/**
 * Warm-up: at least this many runs and at least WARMUP_MS, so the figures are
 * the steady state of a long-lived language server (JIT done, heap grown), not
 * of the first analyses after it starts.
 */
const WARMUP = Number(process.env.WARMUP ?? 3);
const WARMUP_MS = Number(process.env.WARMUP_MS ?? 2000);
/** A figure far over its target needs no 15 samples to fail; stop a row after this long. */
const ROW_BUDGET_MS = Number(process.env.ROW_BUDGET_MS ?? 30_000);

/** What one timed case measured: wall-clock median and p95, and the page faults of a median run. */
export interface Measured {
  median: number;
  p95: number;
  runs: number;
  /** Minor page faults in a run (median): memory the OS had to hand the process afresh. */
  faults: number;
}

/** Runs `fn` WARMUP times and for WARMUP_MS, within a quarter of the row's budget; returns when it started. */
function warmUp(fn: () => unknown, budgetMs: number): number {
  const begin = performance.now();
  for (let i = 0; (i < WARMUP || performance.now() - begin < WARMUP_MS) && performance.now() - begin < budgetMs / 4; i++) fn();
  return begin;
}

/** Median and p95 of run times, and the median page faults, from unsorted samples. */
function summarise(times: number[], faults: number[]): Measured {
  const t = [...times].sort((a, b) => a - b);
  const f = [...faults].sort((a, b) => a - b);
  const at = (q: number) => Math.min(t.length - 1, Math.ceil(t.length * q) - 1);
  return { median: t[Math.floor(t.length / 2)], p95: t[at(0.95)], runs: t.length, faults: f[Math.floor(f.length / 2)] };
}

/** Times `fn` RUNS times after the warm-up (WARMUP calls and WARMUP_MS). */
export function measure(fn: () => unknown, runs = RUNS, budgetMs = ROW_BUDGET_MS): Measured {
  const begin = warmUp(fn, budgetMs);
  const times: number[] = [];
  const faults: number[] = [];
  for (let i = 0; i < runs && (times.length < 3 || performance.now() - begin < budgetMs); i++) {
    const before = process.resourceUsage().minorPageFault;
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
    faults.push(process.resourceUsage().minorPageFault - before);
  }
  return summarise(times, faults);
}

/** Page faults as the memory they brought in, for a note: `≈ 54 MB fresh memory/run`. */
function freshMemoryNote(faults: number): string | undefined {
  const mb = (faults * PAGE_BYTES) / 1e6;
  return mb >= 1 ? `≈ ${mb.toFixed(0)} MB fresh memory/run` : undefined;
}
/** Linux's page size on x86-64 and most arm64 kernels. */
const PAGE_BYTES = 4096;

function row(name: string, target: number, fn: () => unknown, note?: string): BenchRow {
  const { median, p95, runs, faults } = measure(fn);
  const cut = runs < RUNS ? `only ${runs} runs (time budget)` : undefined;
  return { name, median, p95, target, ok: median <= target, note: [note, freshMemoryNote(faults), cut].filter(Boolean).join('; ') || undefined };
}

/**
 * The floor of a case: its runs during which no garbage collection ran, in a
 * process whose young generation may grow to 1 GB so that most runs have
 * none. What is left is computing plus the page faults of memory no collector
 * recycles (large arrays and maps are mapped afresh for each run). It tells
 * how far below a row's median any tuning of the collector could take it.
 */
export async function measureWithoutCollections(fn: () => unknown, runs = RUNS, budgetMs = ROW_BUDGET_MS): Promise<Measured & { of: number }> {
  const collections: [number, number][] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) collections.push([e.startTime, e.startTime + e.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });
  const begin = warmUp(fn, budgetMs);
  const spans: [number, number, number][] = [];
  for (let i = 0; i < runs * 2 && (spans.length < 6 || performance.now() - begin < budgetMs); i++) {
    const before = process.resourceUsage().minorPageFault;
    const start = performance.now();
    fn();
    spans.push([start, performance.now(), process.resourceUsage().minorPageFault - before]);
  }
  // GC entries are delivered asynchronously; let them arrive.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  const clean = spans.filter(([s, e]) => !collections.some(([a, b]) => a < e && b > s));
  return { ...summarise(clean.map(([s, e]) => e - s), clean.map(([, , f]) => f)), of: spans.length };
}

/** Bytes of one churn object: four fields on 64-bit V8 without pointer compression (Node's builds). */
export const CHURN_OBJECT_BYTES = 56;

/**
 * Allocates about `allocatedMb` of small objects and keeps `keptMb` of them
 * alive until it returns, spread evenly over the run, as a parse keeps its
 * syntax tree; returns the kept ones as a linked list (one large array would
 * itself be mapped afresh). The others go through a small ring, so the
 * compiler cannot leave them unallocated.
 */
export function churn(allocatedMb: number, keptMb: number): { next: unknown } | null {
  const total = Math.round((allocatedMb * 1e6) / CHURN_OBJECT_BYTES);
  const kept = Math.min(total, Math.round((keptMb * 1e6) / CHURN_OBJECT_BYTES));
  const ring: unknown[] = new Array(256).fill(null);
  let head: { next: unknown } | null = null;
  let debt = 0;
  for (let i = 0; i < total; i++) {
    const o = { next: null as unknown, a: i, b: debt, c: ring };
    debt += kept;
    if (debt >= total) {
      debt -= total;
      o.next = head;
      head = o;
    } else ring[i & 255] = o;
  }
  return head;
}

/**
 * What one run of `fn` allocates and what of it is alive when it returns, in
 * MB, read from the heap around a run started right after a full collection.
 * Needs `--expose-gc` and a young generation the run does not fill (the
 * floor's process has both); undefined without them.
 */
export function footprint(fn: () => unknown): { allocatedMb: number; keptMb: number } | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  const used = () => process.memoryUsage().heapUsed;
  gc();
  gc();
  const before = used();
  const result = fn();
  const after = used();
  gc();
  gc();
  const kept = used() - before;
  // Read the result after the collection, so it is alive through it.
  if (result === Symbol.for('never')) return undefined;
  return { allocatedMb: (after - before) / 1e6, keptMb: kept / 1e6 };
}

/**
 * What fresh memory costs on this machine: filling 64 MB the process has never
 * touched (each page faults in) against filling it again. On a virtual machine
 * whose host backs guest memory lazily the first is two orders of magnitude
 * slower, and every benchmark that keeps tens of megabytes alive pays it.
 */
export function memoryCost(): { freshMsPer100Mb: number; residentMsPer100Mb: number } {
  const bytes = 64 * 1024 * 1024;
  const scale = 100e6 / bytes;
  const samples: [number, number][] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const block = new Float64Array(bytes / 8);
    block.fill(1);
    const fresh = performance.now();
    block.fill(2);
    samples.push([(fresh - start) * scale, (performance.now() - fresh) * scale]);
  }
  samples.sort((a, b) => a[0] - b[0]);
  return { freshMsPer100Mb: samples[1][0], residentMsPer100Mb: samples[1][1] };
}

/** The cases, by id; each runs in its own process so a hang or a crash costs one row, not the bench. */
const CASES: Record<string, () => BenchRow | Promise<BenchRow>> = {
  'parse-1000': () => parseRow(1000, 10),
  'parse-10000': () => parseRow(10_000, 100),
  'parse-10000-floor': () => {
    const text = generateSysd({ components: 10_000 });
    // The footprint counts the syntax tree too: alive until the model is built, and kept by the server.
    return floorRow('parse-10000-floor', () => buildModel(parse(text).ast, text), () => {
      const parsed = parse(text);
      return [parsed, buildModel(parsed.ast, text)];
    });
  },
  'analyse-1000': () => analyseRow(1000, 20),
  'analyse-10000': () => analyseRow(10_000, 200),
  'analyse-10000-floor': () => {
    const text = generateSysd({ components: 10_000 });
    return floorRow('analyse-10000-floor', () => analyseText(text));
  },
  churn: churnRow,
  'availability-1000': () => {
    const text = generateSysd({ components: 1000, alternatives: 50, zones: 3 });
    const system = buildModel(parse(text).ast, text).systems[0];
    const result = computeAvailability(system);
    const methods = new Set([...result.entries.values()].map((e) => e.exactness.method));
    const exact = methods.size === 1 && methods.has('exact');
    const timed = row('availability, 1,000 components, 50 alternatives, 3 zones', 100, () => computeAvailability(system), exact ? 'exact' : `not exact: ${[...methods].join(', ')}`);
    return { ...timed, ok: timed.ok && exact };
  },
};
const NAMES: Record<string, string> = {
  'parse-1000': 'lex + parse + model, 1,000 components',
  'parse-10000': 'lex + parse + model, 10,000 components',
  'analyse-1000': 'analyseText (all analyses), 1,000 components',
  'analyse-10000': 'analyseText (all analyses), 10,000 components',
  'availability-1000': 'availability, 1,000 components, 50 alternatives, 3 zones',
  'parse-10000-floor': '  floor: runs with no collection (1 GB young generation)',
  'analyse-10000-floor': '  floor: runs with no collection (1 GB young generation)',
  churn: '  only allocating and keeping as much',
};

/** V8 flags of a case's process: the language server's, except for the floors (which also measure the footprint). */
const FLOOR_FLAGS = ['--max-semi-space-size=1024', '--expose-gc'];
const flagsFor = (id: string): readonly string[] => (id.endsWith('-floor') ? FLOOR_FLAGS : SERVER_EXEC_ARGV);

/** A floor row informs and has no target of its own. */
async function floorRow(id: string, fn: () => unknown, built: () => unknown = fn): Promise<BenchRow> {
  const { median, runs, faults, of } = await measureWithoutCollections(fn);
  const row = { name: NAMES[id], ok: true, info: true, footprint: footprint(built) };
  if (runs === 0) return { ...row, note: `every one of ${of} runs had a collection` };
  // No p95: the slowest runs without a collection are those right after one, which is not a floor.
  return { ...row, median, note: [`${runs} of ${of} runs`, freshMemoryNote(faults)].filter(Boolean).join('; ') };
}

/** The churn row: the footprint of the case above it (CHURN="allocated,kept" in MB), with no work. */
function churnRow(): BenchRow {
  const [allocatedMb, keptMb] = (process.env.CHURN ?? '').split(',').map(Number);
  if (!(allocatedMb > 0) || !(keptMb >= 0)) return { name: NAMES.churn, ok: false, note: `bad CHURN '${process.env.CHURN ?? ''}'` };
  const { median, faults } = measure(() => churn(allocatedMb, keptMb));
  const name = `  only allocating ${allocatedMb.toFixed(0)} MB and keeping ${keptMb.toFixed(0)} MB`;
  return { name, median, ok: true, info: true, note: ['no other work, server flags', freshMemoryNote(faults)].filter(Boolean).join('; ') };
}

function parseRow(n: number, target: number): BenchRow {
  const text = generateSysd({ components: n });
  return row(NAMES[`parse-${n}`], target, () => buildModel(parse(text).ast, text), `${(text.length / 1024).toFixed(0)} KB`);
}

function analyseRow(n: number, target: number): BenchRow {
  const text = generateSysd({ components: n });
  const first = analyseText(text);
  const errors = first.diagnostics.filter((d) => d.code === 'syntax' || d.code === 'unknown-reference').length;
  const inexact = first.systems.some((s) => s.entries.some((e) => e.availability.exactness.method !== 'exact'));
  const note = [errors ? `${errors} syntax/reference errors in generated text` : '', inexact ? 'availability fell back to Monte Carlo' : ''].filter(Boolean).join('; ');
  return row(NAMES[`analyse-${n}`], target, () => analyseText(text), note || undefined);
}

/** Time allowed for one case, warm-up included, before it is reported as not finishing. */
const CASE_TIMEOUT_MS = Number(process.env.CASE_TIMEOUT_MS ?? 120_000);

/**
 * The cases run from an esbuild bundle, as the extension and CLI ship: under tsx
 * every closure the parser creates is wrapped for keepNames, which alone makes
 * parsing two to three times slower. BENCH_TSX=1 runs the sources through tsx instead.
 */
function caseCommand(): string[] {
  const source = fileURLToPath(import.meta.url);
  if (process.env.BENCH_TSX === '1' || !source.endsWith('.ts')) return ['--import', 'tsx', source];
  const bundle = join(tmpdir(), `sysd-core-bench-${process.pid}.mjs`);
  // The banner gives the bundled CommonJS dependencies the `require` an ES module lacks.
  const banner = "import { createRequire as __sysdRequire } from 'node:module'; const require = __sysdRequire(import.meta.url);";
  buildSync({ entryPoints: [source], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning', banner: { js: banner } });
  return [bundle];
}

/**
 * Processes per case. A process's heap can fall into a phase where every run
 * faults in about 1.8 MB of fresh pages: in 4 of 14 processes timing the
 * 1,000-component parse, 15 ms a run against 8–9 ms, in one of them for the
 * whole measurement. So the small cases run in three processes and report the
 * middle one, with all three medians in the note. The 10,000-component cases
 * take too long for that.
 */
const PROCESSES: Record<string, number> = { 'parse-1000': 3, 'analyse-1000': 3, 'availability-1000': 3 };

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const command = caseCommand();
  for (const id of Object.keys(CASES)) {
    if (id === 'churn') continue;
    const results: BenchRow[] = [];
    for (let i = 0; i < (PROCESSES[id] ?? 1); i++) {
      const result = runCase(id, command);
      results.push(result);
      if (result.median === undefined) break;
    }
    const chosen = middle(results);
    const { footprint: measured, ...shown } = chosen;
    rows.push(shown);
    // Under a floor: the same allocation and survivors with no work, in the server's flags.
    if (measured) rows.push(runCase('churn', command, { CHURN: `${measured.allocatedMb},${measured.keptMb}` }));
  }
  if (command.length === 1) rmSync(command[0], { force: true });
  return rows;
}

/** The row of the process with the middle median; a failed process decides the row. */
export function middle(results: BenchRow[]): BenchRow {
  if (results.length === 1 || results.some((r) => r.median === undefined)) return results.find((r) => r.median === undefined) ?? results[0];
  const sorted = [...results].sort((a, b) => a.median! - b.median!);
  const chosen = sorted[Math.floor((sorted.length - 1) / 2)];
  const all = `medians of ${results.length} processes: ${results.map((r) => r.median!.toFixed(1)).join(', ')} ms`;
  return { ...chosen, note: [chosen.note, all].filter(Boolean).join('; ') };
}

function runCase(id: string, command: string[], env: Record<string, string> = {}): BenchRow {
  // Each case runs with the V8 flags the language server runs with (the floors excepted).
  const child = spawnSync(process.execPath, [...flagsFor(id), ...command, id], { encoding: 'utf8', timeout: CASE_TIMEOUT_MS, env: { ...process.env, ...env } });
  const line = child.stdout?.split('\n').find((l) => l.startsWith('{'));
  if (child.status === 0 && line) return JSON.parse(line) as BenchRow;
  const why = child.error?.message.includes('ETIMEDOUT') || child.signal ? `did not finish within ${CASE_TIMEOUT_MS / 1000} s` : `failed: ${(child.stderr ?? '').trim().split('\n').pop()}`;
  return { name: NAMES[id], target: undefined, ok: false, note: why };
}

// `node --import tsx bench/core-bench.ts <case>` runs one case and prints its row as JSON.
const only = process.argv[2];
if (process.argv[1] === fileURLToPath(import.meta.url) && only) {
  const make = CASES[only];
  if (!make) {
    console.error(`unknown case '${only}'; cases: ${Object.keys(CASES).join(', ')}`);
    process.exitCode = 2;
  } else console.log(JSON.stringify(await make()));
}
