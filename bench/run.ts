/**
 * `npm run bench`: the core benchmarks, then every other bench in this folder
 * that exists (diagram, LSP, availability). A bench that exports
 * `run(): Promise<BenchRow[]>` joins the table; one that is a plain script is
 * run as a child process and counts as passed when it exits 0, with its own
 * output printed below the table. Exits 1 when any target is missed.
 * Set RUNS=30 for more samples; BENCH_ONLY=core skips the other benches.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { memoryCost, run as runCore, type BenchRow } from './core-bench';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Other engineers' benches, run when present. */
const HOOKS = ['cli-bench.ts', 'diagram-bench.ts', 'layout-stability-bench.ts', 'what-if-bench.ts', 'preview-bench.ts', 'lsp-bench.ts', 'availability-bench.ts'];

async function runHook(file: string): Promise<{ rows: BenchRow[]; output?: string }> {
  const path = join(here, file);
  // Importing a plain script would run it in this process, so look for the export first.
  if (/export\s+(async\s+)?function\s+run\s*\(/.test(readFileSync(path, 'utf8'))) {
    const module = (await import(pathToFileURL(path).href)) as { run: () => Promise<BenchRow[]> };
    return { rows: await module.run() };
  }
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', path], { encoding: 'utf8', timeout: 10 * 60_000, cwd: join(here, '..') });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const ok = child.status === 0;
  const note = child.error ? `failed to run: ${child.error.message}` : `script, exit ${child.status ?? child.signal}, ${seconds} s`;
  return { rows: [{ name: file, ok, note }], output: `${child.stdout ?? ''}${child.stderr ?? ''}`.trimEnd() };
}

function format(rows: BenchRow[]): string {
  const ms = (n?: number) => (n === undefined ? '' : n < 10 ? n.toFixed(2) : n.toFixed(1));
  const table = [['benchmark', 'median ms', 'p95 ms', 'target ms', '', 'note'], ...rows.map((r) => [r.name, ms(r.median), ms(r.p95), r.target === undefined ? '' : `≤ ${r.target}`, r.info ? '' : r.ok ? '✓' : '✗', r.note ?? ''])];
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  return table.map((r, i) => r.map((cell, c) => (c >= 1 && c <= 3 && i > 0 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (figures are wall-clock; a loaded machine inflates them)`);
  const memory = memoryCost();
  console.log(`memory: writing 100 MB takes ${memory.freshMsPer100Mb.toFixed(0)} ms the first time (page faults) and ${memory.residentMsPer100Mb.toFixed(0)} ms once resident; "fresh memory/run" below is what a run pays the first rate for\n`);
  const rows = await runCore();
  const outputs: [string, string][] = [];
  if (process.env.BENCH_ONLY !== 'core') {
    for (const file of HOOKS) {
      if (!existsSync(join(here, file))) continue;
      try {
        const result = await runHook(file);
        rows.push(...result.rows);
        if (result.output) outputs.push([file, result.output]);
      } catch (error) {
        rows.push({ name: file, ok: false, note: `threw: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }
  console.log(format(rows));
  for (const [file, output] of outputs) console.log(`\n--- ${file} ---\n${output}`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
