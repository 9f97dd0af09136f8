/**
 * Where the analysis worker's entry is: the bundle has dist/analysis-worker.js
 * beside dist/server.js; from source (tests, `--import tsx`) the worker runs
 * server/analysis-worker.ts through tsx, which worker threads inherit.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function analysisWorkerScript(): string {
  const main = process.argv[1] ? dirname(resolve(process.argv[1])) : process.cwd();
  const candidates = [join(main, 'analysis-worker.js'), join(main, 'analysis-worker.ts'), join(main, '..', 'server', 'analysis-worker.ts')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}
