/**
 * Times the diagram on synthetic systems against its targets (median, on a
 * 2-core machine): 200 components ≤ 300 ms, 500 ≤ 1 s, 1,000 ≤ 3 s for graph
 * build + layout + SVG render, each stage timed on its own; then a layout
 * past a 100 ms deadline in the worker, which must answer with the fallback
 * within about deadline + 100 ms. Prints the machine's load first, since on a
 * busy machine wall-clock times mean little; CPU time is shown beside them.
 *
 *   node --import tsx bench/diagram-bench.ts        (RUNS=n to change the run count)
 *
 * `run()` returns the rows for bench/run.ts.
 */
import { fileURLToPath } from 'node:url';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { buildElkGraph, createInProcessLayouter, renderSvg } from '../core/diagram/index';
import { createWorkerLayouter } from '../node/layout-worker-client';
import { realisticSystem, syntheticSystem } from './diagram-synthetic';

export interface BenchRow {
  /** What was timed, e.g. "diagram 500 components (build+layout+render)". */
  name: string;
  /** Milliseconds. */
  median: number;
  p95: number;
  /** The median must not exceed this, in milliseconds. */
  target: number;
  ok: boolean;
  /** Stage medians and sizes, for the reader (the field bench/run.ts prints). */
  note: string;
}

const TARGETS: [number, number][] = [[200, 300], [500, 1000], [1000, 3000]];
/**
 * Rounds over every size before timing. ELK is compiled Java and keeps
 * getting quicker over its first dozens of layouts as V8 optimises it (200
 * components: ~450 ms on the first runs, ~200 ms after the larger ones had
 * run); a language server that has been up a while is in the warm state.
 */
const WARM_UP = 3;
const DEADLINE_MS = 100;

export async function run(runs = Number(process.env.RUNS ?? 7)): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const layouter = createInProcessLayouter();
  try {
    const systems = new Map(TARGETS.map(([n]) => [n, syntheticSystem(n)]));
    for (let round = 0; round < WARM_UP; round++) {
      for (const system of systems.values()) renderSvg((await layouter.layout(buildElkGraph(system), { deadlineMs: 600_000 })).graph);
    }
    for (const [n, target] of TARGETS) {
      const system = systems.get(n)!;
      const stages = { build: [] as number[], layout: [] as number[], render: [] as number[], total: [] as number[], cpu: [] as number[] };
      for (let i = 0; i < runs; i++) {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const graph = buildElkGraph(system);
        const t1 = performance.now();
        const laid = await layouter.layout(graph, { deadlineMs: 600_000 });
        const t2 = performance.now();
        renderSvg(laid.graph);
        const t3 = performance.now();
        const cpu = process.cpuUsage(cpu0);
        stages.build.push(t1 - t0);
        stages.layout.push(t2 - t1);
        stages.render.push(t3 - t2);
        stages.total.push(t3 - t0);
        stages.cpu.push((cpu.user + cpu.system) / 1000);
      }
      const median = percentile(stages.total, 50);
      rows.push({
        name: `diagram ${n} components (build+layout+render)`,
        median,
        p95: percentile(stages.total, 95),
        target,
        ok: median <= target,
        note: `${system.edges.length} edges; build ${ms(percentile(stages.build, 50))}, layout ${ms(percentile(stages.layout, 50))}, render ${ms(percentile(stages.render, 50))}; cpu ${ms(percentile(stages.cpu, 50))}`,
      });
    }
    rows.push(await realisticRow(layouter, runs));
  } finally {
    layouter.dispose();
  }
  rows.push(await deadlineRow());
  return rows;
}

/**
 * 1,000 components with the edges of a real design: about 1.5 per component,
 * every one labelled. The tree above has one unlabelled edge per component;
 * on this graph ELK has far more to route, and labels to place (past
 * LABEL_NODES_UP_TO components they are placed after the layout instead).
 */
async function realisticRow(layouter: ReturnType<typeof createInProcessLayouter>, runs: number): Promise<BenchRow> {
  const system = realisticSystem(1000);
  const total: number[] = [];
  const cpu: number[] = [];
  renderSvg((await layouter.layout(buildElkGraph(system), { deadlineMs: 600_000 })).graph);
  for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    renderSvg((await layouter.layout(buildElkGraph(system), { deadlineMs: 600_000 })).graph);
    total.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = percentile(total, 50);
  return {
    name: 'diagram 1,000 components, 1.5 labelled edges each (build+layout+render)',
    median,
    p95: percentile(total, 95),
    target: 3000,
    ok: median <= 3000,
    note: `${system.edges.length} edges; cpu ${ms(percentile(cpu, 50))}`,
  };
}

/** A 1,000-component layout in the worker with a 100 ms deadline: time until the fallback answer. */
async function deadlineRow(): Promise<BenchRow> {
  // A worker thread cannot run .ts, so bundle the entry as the build does.
  const script = join(tmpdir(), `sysd-bench-layout-worker-${process.pid}.js`);
  buildSync({ entryPoints: [fileURLToPath(new URL('../node/layout-worker.ts', import.meta.url))], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'silent' });
  const worker = createWorkerLayouter(script);
  // The graph is built before the clock starts: the deadline covers the layout, not the model.
  const graph = buildElkGraph(syntheticSystem(1000));
  const small = buildElkGraph(syntheticSystem(40));
  const waits: number[] = [];
  const next: number[] = [];
  let allFallback = true;
  try {
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const late = await worker.layout(graph, { deadlineMs: DEADLINE_MS });
      waits.push(performance.now() - t0);
      allFallback &&= late.fallback;
      // Give the respawned thread time to start, as the gap between two edits would.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const t1 = performance.now();
      await worker.layout(small, { deadlineMs: 30_000 });
      next.push(performance.now() - t1);
    }
  } finally {
    worker.dispose();
  }
  const median = percentile(waits, 50);
  const target = DEADLINE_MS + 100;
  return {
    name: `diagram worker, ${DEADLINE_MS} ms deadline on 1,000 components: time to fallback`,
    median,
    p95: percentile(waits, 95),
    target,
    ok: allFallback && median <= target,
    note: `fallback every time: ${allFallback}; next 40-component layout on the respawned worker ${ms(percentile(next, 50))}`,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const ms = (v: number): string => `${v.toFixed(v < 10 ? 1 : 0)} ms`;

export function printRows(rows: BenchRow[]): void {
  const head = ['benchmark', 'median', 'p95', 'target', '', 'note'];
  const body = rows.map((r) => [r.name, ms(r.median), ms(r.p95), `≤ ${ms(r.target)}`, r.ok ? '✓' : '✗', r.note]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  for (const line of [head, widths.map((w) => '-'.repeat(w)), ...body]) console.log(line.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const load = loadavg().map((l) => l.toFixed(2)).join(', ');
  console.log(`load average ${load} on this machine; wall-clock times are inflated when it exceeds the core count`);
  run().then(
    (rows) => {
      printRows(rows);
      process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 2;
    },
  );
}
