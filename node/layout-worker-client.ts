/**
 * Layout in a worker thread, for the language server: the editor never waits
 * on ELK. Requests run one at a time. A request past its deadline, or
 * cancelled, is answered at once with the fallback layout; if ELK was busy
 * with it the thread is terminated (ELK cannot be interrupted otherwise) and
 * a fresh one is started straight away, so it has loaded and warmed ELK up
 * by the time the next request comes.
 *
 * Answering on time needs only that the main thread is free when the timer
 * fires: the timer is armed before the graph is posted, the fallback layout
 * is linear, `terminate()` is not awaited, and the new thread is started
 * after the answer has been given.
 */
import type { Worker } from 'node:worker_threads';
import type { DiagramNode } from '../core/diagram/graph-types';
import { tooLargeForElk } from '../core/diagram/elk-limits';
import { fallback, short } from '../core/diagram/layout-fallback';
import type { LayoutRequest, LayoutResult, Layouter } from '../core/diagram/layout-port';
import type { WorkerRequest, WorkerResponse } from './layout-worker';
import { startWorker } from './start-worker';

const POLL_MS = 20;
/** The layout thread's stack and old-generation heap, in MB. */
export const WORKER_STACK_MB = 64;
export const WORKER_HEAP_MB = 512;

export interface WorkerLayouterOptions {
  /**
   * Start the thread now rather than at the first layout, so that loading ELK and its warm-up overlap
   * whatever the caller does meanwhile (`sysd render` analyses the file).
   */
  startNow?: boolean;
}

export function createWorkerLayouter(workerScript: string, options: WorkerLayouterOptions = {}): Layouter {
  let worker: Worker | undefined;
  let nextId = 1;
  let disposed = false;
  let active: { id: number; settle: (r: WorkerResponse | Error) => void } | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  function ensureWorker(): Worker {
    if (worker) return worker;
    // ELK's recursion needs more than a worker's default 4 MB stack on 20,000 components, and its
    // heap is capped so a graph that explodes inside ELK ends the thread (and falls back), not the process.
    const w = startWorker(workerScript, {
      resourceLimits: { stackSizeMb: WORKER_STACK_MB, maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    w.on('message', (msg: WorkerResponse) => {
      if (active && msg.id === active.id) active.settle(msg);
    });
    // A thread we terminated on purpose is no longer `worker`; its exit must
    // not fail the request that a fresh thread is now serving.
    w.on('error', (err) => {
      if (worker !== w) return;
      worker = undefined;
      active?.settle(err);
    });
    w.on('exit', () => {
      if (worker !== w) return;
      worker = undefined;
      active?.settle(new Error('the layout worker stopped'));
    });
    worker = w;
    return w;
  }

  function kill(): void {
    const w = worker;
    worker = undefined;
    void w?.terminate().catch(() => undefined);
  }

  /** Starts the next thread once the current answer is out; idle, it keeps no process alive. */
  function respawn(): void {
    setImmediate(() => {
      if (disposed || worker) return;
      try {
        ensureWorker().unref();
      } catch {
        // The next request tries again and reports the failure in its note.
      }
    });
  }

  function run(graph: DiagramNode, opts: LayoutRequest, startedAt: number): Promise<LayoutResult> {
    return new Promise<LayoutResult>((resolve) => {
      let done = false;
      const timers: NodeJS.Timeout[] = [];
      const finish = (result: LayoutResult, terminate: boolean): void => {
        if (done) return;
        done = true;
        timers.forEach(clearTimeout);
        clearInterval(poll);
        active = undefined;
        if (terminate) kill();
        else worker?.unref();
        resolve(result);
        if (terminate) respawn();
      };
      const remaining = opts.deadlineMs - (Date.now() - startedAt);
      const cpuAtStart = process.cpuUsage();
      const cpuSpent = (): boolean => {
        if (opts.cpuMs === undefined) return false;
        const used = process.cpuUsage(cpuAtStart);
        return (used.user + used.system) / 1000 > opts.cpuMs;
      };
      const poll = setInterval(() => {
        if (disposed) finish(fallback(graph, 'the layouter was disposed'), true);
        else if (opts.isCancelled?.()) finish(fallback(graph, 'the layout was cancelled'), true);
        else if (cpuSpent()) finish(fallback(graph, `the layout took more than ${opts.cpuMs} ms of CPU time`), true);
      }, POLL_MS);
      // A graph past ELK's cap is not sent to it: the fallback would be drawn anyway, later.
      const tooLarge = tooLargeForElk(graph);
      if (tooLarge) {
        finish(fallback(graph, tooLarge), false);
        return;
      }
      if (remaining <= 0 || opts.isCancelled?.() || disposed) {
        finish(fallback(graph, opts.isCancelled?.() ? 'the layout was cancelled' : `the layout took longer than ${opts.deadlineMs} ms`), false);
        return;
      }
      timers.push(setTimeout(() => finish(fallback(graph, `the layout took longer than ${opts.deadlineMs} ms`), true), remaining));
      const id = nextId++;
      active = {
        id,
        settle: (r) => {
          if (r instanceof Error) finish(fallback(graph, `the layout worker failed (${short(r)})`), true);
          else if ('error' in r) finish(fallback(graph, `the layout engine failed (${short(r.error)})`), false);
          else finish({ graph: r.graph, fallback: false }, false);
        },
      };
      try {
        const w = ensureWorker();
        w.ref();
        w.postMessage({ id, graph, previous: opts.previous } satisfies WorkerRequest);
      } catch (err) {
        finish(fallback(graph, `the layout worker could not start (${short(err)})`), true);
      }
    });
  }

  if (options.startNow) {
    try {
      ensureWorker().unref();
    } catch {
      // The first request tries again and reports the failure in its note.
    }
  }

  return {
    layout(graph: DiagramNode, opts: LayoutRequest): Promise<LayoutResult> {
      const startedAt = Date.now();
      const result = queue.then(() => run(graph, opts, startedAt));
      queue = result.catch(() => undefined);
      return result;
    },
    dispose(): void {
      disposed = true;
      kill();
    },
  };
}
