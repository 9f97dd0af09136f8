/**
 * Layout on the calling thread, for the tests and the bench (and the CLI
 * when the worker script cannot be found). ELK's bundled
 * build runs synchronously once started, so a running layout cannot be
 * interrupted here: the deadline is checked before starting, and a layout
 * that ends past it is still used (its cost is already paid). The language
 * server uses the worker layouter, which can stop ELK mid-way.
 */
import { tooLargeForElk } from './elk-limits';
import { runElk } from './elk-runner';
import type { DiagramNode } from './graph-types';
import { fallback, short } from './layout-fallback';
import type { LayoutRequest, LayoutResult, Layouter } from './layout-port';

export function createInProcessLayouter(): Layouter {
  let disposed = false;
  return {
    async layout(graph: DiagramNode, opts: LayoutRequest): Promise<LayoutResult> {
      if (disposed) return fallback(graph, 'the layouter was disposed');
      if (opts.isCancelled?.()) return fallback(graph, 'the layout was cancelled');
      if (opts.deadlineMs <= 0) return fallback(graph, 'no time was left for layout');
      const tooLarge = tooLargeForElk(graph);
      if (tooLarge) return fallback(graph, tooLarge);
      try {
        return { graph: await runElk(graph, opts.previous), fallback: false };
      } catch (err) {
        return fallback(graph, `the layout engine failed (${short(err)})`);
      }
    },
    dispose(): void {
      disposed = true;
    },
  };
}
