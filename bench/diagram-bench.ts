/**
 * Times layout + render of synthetic systems against the targets (median,
 * on a 2-core machine): 200 nodes ≤ 300 ms, 500 ≤ 1 s, 1,000 ≤ 3 s; then
 * checks that a layout past its deadline is cancelled in the worker and the
 * fallback is used. Run: node --import tsx bench/diagram-bench.ts
 */
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { buildElkGraph, createInProcessLayouter, createWorkerLayouter, renderSvg } from '../core/diagram/index';
import { syntheticSystem } from './diagram-synthetic';

const TARGETS: [number, number][] = [[200, 300], [500, 1000], [1000, 3000]];
const RUNS = Number(process.env.RUNS ?? 5);

async function main(): Promise<void> {
  const layouter = createInProcessLayouter();
  let failed = false;
  // Warm ELK once, as the server and a CLI run over several files would.
  await layouter.layout(buildElkGraph(syntheticSystem(20)), { deadlineMs: 60_000 });
  for (const [n, budget] of TARGETS) {
    const system = syntheticSystem(n);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const result = await layouter.layout(buildElkGraph(system), { deadlineMs: 60_000 });
      renderSvg(result.graph);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const ok = median <= budget;
    failed ||= !ok;
    console.log(`${String(n).padStart(5)} nodes, ${system.edges.length} edges: median ${median.toFixed(0)} ms (budget ${budget} ms) ${ok ? 'ok' : 'OVER'}`);
  }
  layouter.dispose();

  // A worker thread cannot run .ts, so bundle the entry as the build does.
  const script = join(tmpdir(), `sysd-bench-layout-worker-${process.pid}.js`);
  buildSync({ entryPoints: [fileURLToPath(new URL('../core/diagram/layout-worker.ts', import.meta.url))], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'silent' });
  const worker = createWorkerLayouter(script);
  const t0 = performance.now();
  const late = await worker.layout(buildElkGraph(syntheticSystem(1000)), { deadlineMs: 100 });
  const waited = performance.now() - t0;
  const cancelledOk = late.fallback && waited < 1000;
  failed ||= !cancelledOk;
  console.log(`deadline 100 ms on 1,000 nodes in the worker: fallback=${late.fallback} after ${waited.toFixed(0)} ms ${cancelledOk ? 'ok' : 'FAILED'}`);
  worker.dispose();
  process.exitCode = failed ? 1 : 0;
}

void main();
