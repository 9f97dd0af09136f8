/**
 * Layout of large diagrams, one group at a time. ELK's INCLUDE_CHILDREN mode
 * (regions and zones laid out together with the edges between them) costs
 * several times a flat layout and grows faster than the graph, so above a
 * size threshold each region or zone is laid out on its own, deepest first;
 * its parent then sees it as one fixed-size box. Edges between boxes are
 * aggregated (one ELK edge per pair of boxes) so ELK still orders the boxes
 * by the flow, and each real edge is drawn along its pair's route by
 * `edge-routes.ts`. Every step is deterministic for a given graph.
 */
import type { ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { DiagramEdge, DiagramNode, ElkPoint } from './graph-types';
import { routeThroughGroups, type Box } from './edge-routes';
import { GROUP_PADDING, subLayoutOptions } from './layout-options';
import { packBelow, parsePadding } from './grid-pack';

/** Lays out one flat graph; the ELK instance is passed in so it stays warm. */
export type FlatLayout = (graph: ElkNode) => Promise<ElkNode>;

interface Owned {
  edge: DiagramEdge;
  owner: DiagramNode;
}

/** Lays out `graph` in place, group by group, and returns it. */
export async function layoutBottomUp(graph: DiagramNode, layoutFlat: FlatLayout): Promise<DiagramNode> {
  const parent = new Map<string, DiagramNode>();
  const owned: Owned[] = [];
  const compounds: DiagramNode[] = [];
  (function collect(node: DiagramNode): void {
    for (const edge of node.edges ?? []) owned.push({ edge, owner: node });
    for (const c of node.children ?? []) {
      parent.set(c.id, node);
      collect(c);
    }
    // Post-order: a group is laid out after every group inside it.
    if (node.children) compounds.push(node);
  })(graph);

  // The child of `container` that holds `id` (or `id` itself when it is a child).
  const lift = (id: string, container: DiagramNode): string | undefined => {
    for (let cur: string | undefined = id; cur !== undefined; cur = parent.get(cur)?.id) {
      if (parent.get(cur) === container) return cur;
    }
    return undefined;
  };
  const edgesIn = new Map<DiagramNode, Owned[]>();
  for (const o of owned) {
    const list = edgesIn.get(o.owner);
    if (list) list.push(o);
    else edgesIn.set(o.owner, [o]);
  }
  const edgeById = new Map(owned.map((o) => [o.edge.id, o.edge]));

  const direction = graph.layoutOptions?.['elk.direction'] ?? 'RIGHT';
  const leafCount = (n: DiagramNode): number => (n.children ? n.children.reduce((s, c) => s + leafCount(c), 0) : 1);
  /** Routes of aggregated edges, by container and `from>to`, in the container's frame. */
  const pairRoutes = new Map<string, ElkPoint[]>();
  /** Which original edges ELK routed itself, directly between two leaves. */
  const direct = new Set<DiagramEdge>();

  for (const node of compounds) {
    const isRoot = node === graph;
    const kids = node.children ?? [];
    const leaves = new Set(kids.filter((k) => !k.children).map((k) => k.id));
    const edges: DiagramEdge[] = [];
    const pairs = new Set<string>();
    for (const { edge } of edgesIn.get(node) ?? []) {
      const a = lift(edge.sources[0], node);
      const b = lift(edge.targets[0], node);
      if (a === undefined || b === undefined) continue;
      if (a === edge.sources[0] && b === edge.targets[0] && leaves.has(a) && leaves.has(b)) {
        edges.push({ id: edge.id, sources: [a], targets: [b], labels: edge.labels?.map((l) => ({ ...l })) });
        direct.add(edge);
      } else if (a !== b && !pairs.has(`${a}>${b}`)) {
        pairs.add(`${a}>${b}`);
        edges.push({ id: `agg:${a}>${b}`, sources: [a], targets: [b] });
      }
    }
    // Components with no edge here are packed in rows under the rest; ELK gets only the connected part.
    const linked = new Set(edges.flatMap((e) => [e.sources[0], e.targets[0]]));
    const pad = isRoot ? graph.layoutOptions?.['elk.padding'] : padding();
    let size = { width: 0, height: 0 };
    const connected = kids.filter((k) => linked.has(k.id));
    if (connected.length > 0) {
      const options: LayoutOptions = subLayoutOptions(direction, leafCount(node), pad);
      const laid = await layoutFlat({
        id: node.id,
        layoutOptions: options,
        children: connected.map((k) => ({ id: k.id, width: k.width ?? 0, height: k.height ?? 0 })),
        edges,
      });
      const byId = new Map((laid.children ?? []).map((c) => [c.id, c]));
      for (const k of connected) {
        k.x = byId.get(k.id)?.x ?? 0;
        k.y = byId.get(k.id)?.y ?? 0;
      }
      size = { width: laid.width ?? 0, height: laid.height ?? 0 };
      readEdges(node, (laid.edges ?? []) as DiagramEdge[]);
    }
    const padSides = parsePadding(pad);
    if (connected.length === 0) size = { width: padSides.left + padSides.right, height: 0 };
    size = packBelow(kids.filter((k) => !linked.has(k.id)), size.width, size.height, padSides);
    if (size.height === 0) size.height = padSides.top + padSides.bottom;
    const min = /\((\d+),(\d+)\)/.exec(node.layoutOptions?.['elk.nodeSize.minimum'] ?? '');
    node.width = Math.max(size.width, min ? Number(min[1]) : 0);
    node.height = Math.max(size.height, min ? Number(min[2]) : 0);
  }
  graph.x = 0;
  graph.y = 0;

  /** Keeps the routes ELK gave: aggregated ones for our routing, real ones on their edges. */
  function readEdges(node: DiagramNode, laidEdges: DiagramEdge[]): void {
    for (const e of laidEdges) {
      if (e.id.startsWith('agg:')) {
        pairRoutes.set(`${node.id}|${e.id.slice(4)}`, sectionPoints(e));
        continue;
      }
      const original = edgeById.get(e.id);
      if (!original) continue;
      original.sections = e.sections;
      original.container = node.id;
      original.labels?.forEach((l, i) => Object.assign(l, { x: e.labels?.[i]?.x, y: e.labels?.[i]?.y }));
    }
  }

  // Every other edge runs from its source's box, along its pair's route, to its target's box.
  const abs = new Map<string, Box>();
  (function absolute(node: DiagramNode, ox: number, oy: number): void {
    const x = node === graph ? 0 : ox + (node.x ?? 0);
    const y = node === graph ? 0 : oy + (node.y ?? 0);
    abs.set(node.id, { x, y, w: node.width ?? 0, h: node.height ?? 0 });
    for (const c of node.children ?? []) absolute(c, x, y);
  })(graph, 0, 0);
  for (const { edge, owner } of owned) {
    if (direct.has(edge)) continue;
    const a = lift(edge.sources[0], owner);
    const b = lift(edge.targets[0], owner);
    const route = a !== undefined && b !== undefined ? pairRoutes.get(`${owner.id}|${a}>${b}`) : undefined;
    const s = abs.get(edge.sources[0]);
    const t = abs.get(edge.targets[0]);
    const o = abs.get(owner.id)!;
    if (!s || !t) continue;
    const local = (box: Box): Box => ({ ...box, x: box.x - o.x, y: box.y - o.y });
    routeThroughGroups(edge, local(s), local(t), route ?? [], a === edge.sources[0], b === edge.targets[0]);
    edge.container = owner.id;
  }
  return graph;
}

function padding(): string {
  const p = GROUP_PADDING;
  return `[top=${p.top},left=${p.left},bottom=${p.bottom},right=${p.right}]`;
}

/** An ELK edge's route as one list of points (sections joined end to end). */
function sectionPoints(edge: DiagramEdge): ElkPoint[] {
  const out: ElkPoint[] = [];
  for (const s of edge.sections ?? []) out.push(s.startPoint, ...(s.bendPoints ?? []), s.endPoint);
  return out;
}
