/**
 * How much of a diagram ELK is given (docs/diagram.md, "Large diagrams").
 *
 * - Past `MAX_ELK_COMPONENTS` components or `MAX_ELK_EDGES` edges ELK is not
 *   called at all: its layered layout grows faster than the graph (dummy
 *   nodes for every layer an edge spans), so such a graph would only spend
 *   the deadline and the memory before the fallback layout is drawn anyway.
 * - Past `LABEL_NODES_UP_TO` components, edge labels are not handed to ELK
 *   as label nodes (half of ELK's time on a large, labelled graph); each is
 *   placed at the middle of its edge's route after the layout instead.
 */
import { midpoint } from './edge-routes';
import type { DiagramEdge, DiagramNode, ElkLabel } from './graph-types';

export const MAX_ELK_COMPONENTS = 10_000;
export const MAX_ELK_EDGES = 20_000;
export const LABEL_NODES_UP_TO = 300;

/**
 * Calls `visit` on every node of `graph`, the root included, in no particular order. A loop over a stack,
 * not recursion: these run on graphs too large for ELK, however deeply they nest.
 */
function eachNode(graph: DiagramNode, visit: (node: DiagramNode) => void): void {
  const stack: DiagramNode[] = [graph];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    for (const c of node.children ?? []) stack.push(c);
  }
}

/** Components (leaf nodes) and edges of a diagram graph. */
export function graphSize(graph: DiagramNode): { components: number; edges: number } {
  let components = 0;
  let edges = 0;
  eachNode(graph, (node) => {
    edges += node.edges?.length ?? 0;
    if (node !== graph && !node.children) components++;
  });
  return { components, edges };
}

/** Why ELK is not given this graph, in words for the user; undefined when it is. */
export function tooLargeForElk(graph: DiagramNode): string | undefined {
  const { components, edges } = graphSize(graph);
  if (components <= MAX_ELK_COMPONENTS && edges <= MAX_ELK_EDGES) return undefined;
  return `the diagram has ${components} components and ${edges} edges, more than the layout engine is given (${MAX_ELK_COMPONENTS} components, ${MAX_ELK_EDGES} edges)`;
}

/** Takes the edge labels off a graph about to be laid out, by edge id. */
export function holdLabels(graph: DiagramNode): Map<string, ElkLabel[]> {
  const held = new Map<string, ElkLabel[]>();
  eachNode(graph, (node) => {
    for (const e of node.edges ?? []) {
      if (!e.labels?.length) continue;
      held.set(e.id, e.labels);
      delete e.labels;
    }
  });
  return held;
}

/** Puts held labels back, each centred above the middle of its edge's route. */
export function placeHeldLabels(graph: DiagramNode, held: Map<string, ElkLabel[]>): void {
  if (held.size === 0) return;
  eachNode(graph, (node) => {
    for (const e of node.edges ?? []) {
      const labels = held.get(e.id);
      if (!labels) continue;
      const mid = routeMiddle(e);
      e.labels = labels.map((l) => ({ ...l, x: mid.x - (l.width ?? 0) / 2, y: mid.y - (l.height ?? 0) - 2 }));
    }
  });
}

function routeMiddle(e: DiagramEdge): { x: number; y: number } {
  const s = e.sections?.[0];
  return s ? midpoint([s.startPoint, ...(s.bendPoints ?? []), s.endPoint]) : { x: 0, y: 0 };
}
