/**
 * Runs batches of CLI fuzz cases (./cli-cases.ts) in child processes with a
 * capped heap, so a case that runs out of memory or hangs is caught, named
 * by its seed, and does not take the test run with it. The kill timeout is
 * a safety net for a hang, never an assertion: a case is judged only by what
 * it printed.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { CaseReport } from './cli-cases';

const CASES = join(import.meta.dirname, 'cli-cases.ts');

export interface BatchResult {
  reports: CaseReport[];
  /** The seed of a case that started and never reported: it crashed the process or hung. */
  crashed?: { seed: number; why: string };
}

export function runBatch(runSeed: number, first: number, count: number, opts: { heapMb?: number; killAfterMs?: number; renderEvery?: number } = {}): Promise<BatchResult> {
  const child = spawn(process.execPath, [`--max-old-space-size=${opts.heapMb ?? 1024}`, '--import', 'tsx', CASES, String(runSeed), String(first), String(count)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SYSD_FUZZ_RENDER_EVERY: String(opts.renderEvery ?? 1) },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, opts.killAfterMs ?? 15 * 60_000);
  return new Promise((resolve) => {
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      const reports: CaseReport[] = [];
      let open: number | undefined;
      for (const line of out.split('\n')) {
        if (!line) continue;
        const v = JSON.parse(line) as { start: number } | CaseReport;
        if ('start' in v) open = v.start;
        else {
          reports.push(v);
          open = undefined;
        }
      }
      const why = killed ? 'killed by the safety timeout (a hang)' : `exit ${status ?? signal}: ${err.trim().split('\n').slice(-3).join(' | ').slice(0, 400)}`;
      if (open !== undefined) resolve({ reports, crashed: { seed: open, why } });
      else if (status !== 0) resolve({ reports, crashed: { seed: Number.NaN, why } });
      else resolve({ reports });
    });
  });
}

/** How to replay one case by hand. */
export const replay = (seed: number) => `node --import tsx test/fuzz/cli-cases.ts --case ${seed}`;

/** Every problem of a batch, one line each, with the command that replays its case. */
export function problemsOf(result: BatchResult): string[] {
  const lines = result.reports.flatMap((r) => r.problems.map((p) => `case ${r.seed} (${r.base}, ${r.bytes} chars): ${p}\n    replay: ${replay(r.seed)}`));
  if (result.crashed) lines.push(`case ${result.crashed.seed}: ${result.crashed.why}\n    replay: ${replay(result.crashed.seed)}`);
  return lines;
}
