/**
 * The layout worker thread's entry (bundled to dist/layout-worker.js). It
 * warms ELK up on a small graph first, then lays out each graph it is sent
 * and posts the result back; the client terminates this thread when a layout
 * passes its deadline, and starts a fresh one straight away.
 */
import { parentPort } from 'node:worker_threads';
import { runElk } from '../core/diagram/elk-runner';
import { warmUpGraph } from '../core/diagram/elk-warmup';
import type { DiagramNode } from '../core/diagram/graph-types';
import type { LayoutPositions } from '../core/diagram/layout-seed';

export interface WorkerRequest {
  id: number;
  graph: DiagramNode;
  previous?: LayoutPositions;
}

export type WorkerResponse = { id: number; graph: DiagramNode } | { id: number; error: string };

// Requests that arrive during the warm-up wait for it: ELK runs one layout at a time anyway.
// Two graphs: a small one takes the whole-hierarchy path, a larger one the group-by-group path.
// The warm-up pays for itself even in a one-shot `sysd render` of 200 components: 0.8 s with it,
// 1.2 s without, because ELK's first layout of a graph runs before the engine has optimised it.
const warm = runElk(warmUpGraph(10))
  .then(() => runElk(warmUpGraph(80)))
  .then(
    () => undefined,
    () => undefined,
  );

parentPort?.on('message', (msg: WorkerRequest) => {
  warm
    .then(() => runElk(msg.graph, msg.previous))
    .then(
      (graph) => parentPort!.postMessage({ id: msg.id, graph } satisfies WorkerResponse),
      (err: unknown) => parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) } satisfies WorkerResponse),
    );
});
