/**
 * The fallback layout as a LayoutResult, shared by the in-process and the
 * worker layouters. Kept apart from layout-inprocess.ts so that the worker's
 * client (node/) does not load ELK on the thread that only waits for it.
 */
import { fallbackLayout } from './fallback-layout';
import type { DiagramNode } from './graph-types';
import { copyForLayout, type LayoutResult } from './layout-port';

export function fallback(graph: DiagramNode, reason: string): LayoutResult {
  return { graph: fallbackLayout(copyForLayout(graph)), fallback: true, reason };
}

/** ELK's messages can list every node of the graph; a note needs only the start. */
export function short(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}
