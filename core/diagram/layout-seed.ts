/**
 * A stable layout across edits: the positions of the previous layout seed
 * the next one. Ids come from names (elk-graph.ts), so a component keeps its
 * id across edits and finds its old position. ELK's layered algorithm takes
 * positions where it allows it: with semi-interactive crossing minimisation,
 * nodes that carry an `elk.position` keep the order within their layer that
 * those positions give, while edges through long-edge dummies are still
 * untangled and layering and node placement run as usual (so the picture
 * stays valid whatever the seed). Laying a graph out again with its own
 * positions gives the same picture.
 *
 * A node the previous layout did not have (a new component or group) is
 * seeded just past its neighbours that had a position, so it joins their
 * part of the layer; without such a neighbour it goes after every sibling,
 * where model order would put it.
 *
 * Two alternatives were measured and dropped (bench/layout-stability.ts):
 * ELK's fully INTERACTIVE crossing minimisation does not reproduce a
 * layer-sweep layout from its own positions (it orders long-edge dummies
 * differently, so the first seeded layout moved nodes by 100–280 units and
 * added crossings), and re-sorting the input by previous position with the
 * model order forced moved them further. Large diagrams, laid out group by
 * group (layout-bottom-up.ts), ignore the seed: there it moved most
 * components further than a fresh layout (docs/diagram.md, "Stable layout").
 */
import type { DiagramNode } from './graph-types';

/** Each node's position relative to its parent, by id, as a previous layout left it. */
export type LayoutPositions = Record<string, { x: number; y: number }>;

/** The option that makes ELK keep the order of nodes that carry an `elk.position`. */
export const SEEDED_OPTIONS: Readonly<Record<string, string>> = { 'elk.layered.crossingMinimization.semiInteractive': 'true' };

/** The positions of a laid-out graph, for the next layout of the same diagram. */
export function positionsOf(laid: DiagramNode): LayoutPositions {
  const out: LayoutPositions = {};
  (function walk(node: DiagramNode): void {
    for (const c of node.children ?? []) {
      if (Number.isFinite(c.x) && Number.isFinite(c.y)) out[c.id] = { x: c.x!, y: c.y! };
      walk(c);
    }
  })(laid);
  return out;
}

/**
 * Gives every node of `graph` (in place) the position it had in the previous
 * layout, or one next to its neighbours, and asks ELK to keep their order.
 * Nothing changes when no node of `graph` was in the previous layout, so a
 * first layout, and one after the text was replaced, is searched afresh.
 */
export function seedFromPrevious(graph: DiagramNode, previous: LayoutPositions | undefined): DiagramNode {
  if (!previous || !anyKnown(graph, previous)) return graph;
  // Layers run along x when the diagram flows right, so the order within a layer is y's; and the other way round.
  const across = graph.layoutOptions?.['elk.direction'] === 'DOWN' ? 'x' : 'y';
  const neighbours = neighbourIds(graph);
  (function seed(node: DiagramNode): void {
    const kids = node.children ?? [];
    if (kids.length === 0) return;
    node.layoutOptions = { ...node.layoutOptions, ...SEEDED_OPTIONS };
    const last = Math.max(0, ...kids.map((c) => previous[c.id]?.[across] ?? 0));
    for (const c of kids) {
      let p = previous[c.id];
      if (!p) {
        const at = nearNeighbours(c, kids, neighbours, previous, across) ?? last + 1;
        p = across === 'y' ? { x: 0, y: at } : { x: at, y: 0 };
      }
      c.layoutOptions = { ...c.layoutOptions, 'elk.position': `(${p.x},${p.y})` };
      seed(c);
    }
  })(graph);
  return graph;
}

function anyKnown(node: DiagramNode, previous: LayoutPositions): boolean {
  return (node.children ?? []).some((c) => previous[c.id] !== undefined || anyKnown(c, previous));
}

/** Every node's neighbours by edge, in both directions. */
function neighbourIds(graph: DiagramNode): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = out.get(a);
    if (list) list.push(b);
    else out.set(a, [b]);
  };
  (function walk(node: DiagramNode): void {
    for (const e of node.edges ?? []) {
      add(e.sources[0], e.targets[0]);
      add(e.targets[0], e.sources[0]);
    }
    node.children?.forEach(walk);
  })(graph);
  return out;
}

/** Just past the furthest sibling neighbour that had a position, or undefined without one. */
function nearNeighbours(
  node: DiagramNode,
  siblings: DiagramNode[],
  neighbours: Map<string, string[]>,
  previous: LayoutPositions,
  across: 'x' | 'y',
): number | undefined {
  const near = new Set(neighbours.get(node.id) ?? []);
  let best: number | undefined;
  for (const s of siblings) {
    const p = previous[s.id];
    if (p && near.has(s.id)) best = Math.max(best ?? -Infinity, p[across] + 0.5);
  }
  return best;
}
