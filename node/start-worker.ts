/**
 * Starts a worker thread from a bundled script (dist/*.js) or, when running
 * from source, from a TypeScript file: worker threads do not inherit tsx's
 * loader from `--import tsx`, so a `.ts` entry is started through a small
 * bootstrap that registers tsx in the thread first.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startWorker(script: string, options: WorkerOptions = {}): Worker {
  if (!script.endsWith('.ts')) return new Worker(script, options);
  const tsx = pathToFileURL(join(dirname(createRequire(script).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = pathToFileURL(script).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
