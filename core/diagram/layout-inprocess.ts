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
import { fallbackLayout } from './fallback-layout';
import type { DiagramNode } from './graph-types';
import { copyForLayout, type LayoutRequest, type LayoutResult, type Layouter } from './layout-port';

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

export function fallback(graph: DiagramNode, reason: string): LayoutResult {
  return { graph: fallbackLayout(copyForLayout(graph)), fallback: true, reason };
}

/** ELK's messages can list every node of the graph; a note needs only the start. */
export function short(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}
