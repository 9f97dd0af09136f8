/**
 * Keeping a laid-out diagram's positions when only its figures changed. The
 * preview redraws on every edit; when the new graph has the same nodes, the
 * same nesting and the same edges as the one laid out before, and every box
 * still fits its text, the old positions are copied onto the new graph and
 * ELK is not asked at all: nothing moves, only text and badges change.
 */
import type { DiagramEdge, DiagramNode } from './graph-types';

/** The graph's topology: every node with its parent, every edge with its container and whether it has a label. */
export function topologyKey(graph: DiagramNode): string {
  const parts: string[] = [];
  (function walk(node: DiagramNode, parent: string): void {
    parts.push(`${node.id}<${parent}${node.children ? '[' : ''}`);
    for (const e of node.edges ?? []) parts.push(`${e.id}@${node.id}${e.labels?.length ? '#' : ''}`);
    for (const c of node.children ?? []) walk(c, node.id);
  })(graph, '');
  return parts.join('\n');
}

/**
 * The fresh graph with the previous layout's positions, or undefined when
 * the topology differs or a box would no longer fit its text.
 */
export function reuseLayout(fresh: DiagramNode, previous: DiagramNode): DiagramNode | undefined {
  if (topologyKey(fresh) !== topologyKey(previous)) return undefined;
  const nodes = new Map<string, DiagramNode>();
  const edges = new Map<string, DiagramEdge>();
  (function index(node: DiagramNode): void {
    nodes.set(node.id, node);
    for (const e of node.edges ?? []) edges.set(e.id, e);
    for (const c of node.children ?? []) index(c);
  })(previous);

  let fits = true;
  const copy = (node: DiagramNode): DiagramNode => {
    const old = nodes.get(node.id)!;
    // A leaf's size is its text's: a wider text or an extra line needs a new layout.
    if (!node.children && node.width !== undefined && ((old.width ?? 0) < node.width || (old.height ?? 0) !== node.height)) fits = false;
    const minimum = node.layoutOptions?.['elk.nodeSize.minimum'];
    const minWidth = minimum ? Number(/\((\d+)/.exec(minimum)?.[1] ?? 0) : 0;
    if (node.children && (old.width ?? 0) < minWidth) fits = false;
    const out: DiagramNode = { ...node, x: old.x, y: old.y, width: old.width, height: old.height };
    if (node.children) out.children = node.children.map(copy);
    if (node.edges) {
      out.edges = node.edges.map((e) => {
        const was = edges.get(e.id)!;
        const labels = e.labels?.map((l, i) => {
          const at = was.labels?.[i];
          return { ...l, x: at?.x, y: at?.y, width: at?.width ?? l.width, height: at?.height ?? l.height };
        });
        return { ...e, sections: was.sections, container: was.container, labels };
      });
    }
    return out;
  };
  const result = copy(fresh);
  return fits ? result : undefined;
}
