/**
 * The layout port. Tests lay out in-process; the language server and
 * `sysd render` lay out in a worker thread (node/), which can stop ELK. Both honour a
 * deadline: past it, the caller gets the simple fallback layout and
 * `fallback: true`, so it can tell the user.
 */
import type { DiagramNode } from './graph-types';
import type { LayoutPositions } from './layout-seed';

export interface LayoutRequest {
  /** Milliseconds from the call after which the fallback layout is returned. */
  deadlineMs: number;
  /**
   * CPU milliseconds of the process the layout may use, for the CLI: unlike
   * the deadline, a busy machine does not make it run out sooner. Honoured by
   * the worker layouter (the in-process one cannot stop ELK).
   */
  cpuMs?: number;
  /** Polled while waiting; when it says true the work is abandoned. */
  isCancelled?: () => boolean;
  /**
   * The positions of the previous layout of the same diagram (`positionsOf`),
   * so a small edit moves little (layout-seed.ts). Absent for a first layout.
   */
  previous?: LayoutPositions;
}

export interface LayoutResult {
  graph: DiagramNode;
  /** True when the fallback layout was used instead of ELK's. */
  fallback: boolean;
  /** Why the fallback was used, in words for the user. */
  reason?: string;
}

export interface Layouter {
  layout(graph: DiagramNode, opts: LayoutRequest): Promise<LayoutResult>;
  dispose(): void;
}

/**
 * A copy of the graph's structure for a layout to write positions into:
 * nodes, edges and labels are new objects, the `sysd` metadata (which no
 * layout writes) is shared. Several times quicker than a structured clone,
 * which matters when the fallback is computed as a deadline passes.
 */
export function copyForLayout(node: DiagramNode): DiagramNode {
  const copy: DiagramNode = { ...node };
  if (node.layoutOptions) copy.layoutOptions = { ...node.layoutOptions };
  if (node.children) copy.children = node.children.map(copyForLayout);
  if (node.edges) {
    copy.edges = node.edges.map((e) => ({
      ...e,
      sources: [...e.sources],
      targets: [...e.targets],
      labels: e.labels?.map((l) => ({ ...l })),
      sections: e.sections?.map((sec) => ({ ...sec, bendPoints: sec.bendPoints?.map((p) => ({ ...p })) })),
    }));
  }
  return copy;
}

/** ELK adds bookkeeping keys such as `$H`; they are not part of the result. */
export function stripElkInternals<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const v of value) stripElkInternals(v);
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (key.startsWith('$')) delete (value as Record<string, unknown>)[key];
      else stripElkInternals((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}
