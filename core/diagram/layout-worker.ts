/**
 * Worker-thread entry: lays out graphs posted by layout-worker-client.ts with
 * one warm ELK instance. Bundled to dist/layout-worker.js by the build. The
 * client terminates this thread when a layout passes its deadline.
 */
import { parentPort } from 'node:worker_threads';
import { runElk } from './elk-runner';
import type { DiagramNode } from './graph-types';

export interface WorkerRequest {
  id: number;
  graph: DiagramNode;
}

export type WorkerResponse = { id: number; graph: DiagramNode } | { id: number; error: string };

parentPort?.on('message', (msg: WorkerRequest) => {
  runElk(msg.graph).then(
    (graph) => parentPort!.postMessage({ id: msg.id, graph } satisfies WorkerResponse),
    (err: unknown) => parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) } satisfies WorkerResponse),
  );
});
