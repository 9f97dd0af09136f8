/**
 * The simple layout used when ELK misses its deadline or fails: nodes in
 * columns (or rows, for `direction: down`) by longest path, groups sized
 * around their children, edges as three-segment orthogonal lines. Linear in
 * the size of the graph, so it is always quick; it is not pretty, and the
 * diagram says it was used.
 */
import type { DiagramEdge, DiagramNode } from './graph-types';
import { GROUP_PADDING } from './layout-options';

const GAP_LAYER = 56;
const GAP_NODE = 24;
const ROOT_PAD = 20;

interface Box { x: number; y: number; w: number; h: number }

export function fallbackLayout(graph: DiagramNode): DiagramNode {
  const down = graph.layoutOptions?.['elk.direction'] === 'DOWN';
  const parent = new Map<string, DiagramNode>();
  const edges: { edge: DiagramEdge; owner: DiagramNode }[] = [];
  collect(graph);
  function collect(node: DiagramNode): void {
    for (const e of node.edges ?? []) edges.push({ edge: e, owner: node });
    for (const c of node.children ?? []) {
      parent.set(c.id, node);
      collect(c);
    }
  }

  place(graph, true);
  function place(node: DiagramNode, isRoot: boolean): void {
    const kids = node.children ?? [];
    if (kids.length === 0) {
      node.width ??= 60;
      node.height ??= 40;
      return;
    }
    for (const k of kids) place(k, false);
    const layers = layerChildren(node, kids);
    const pad = isRoot ? { top: ROOT_PAD, left: ROOT_PAD, bottom: ROOT_PAD, right: ROOT_PAD } : GROUP_PADDING;
    let along = down ? pad.top : pad.left;
    let across = 0;
    for (const layer of layers) {
      let offset = down ? pad.left : pad.top;
      let thickness = 0;
      for (const k of layer) {
        if (down) [k.x, k.y] = [offset, along];
        else [k.x, k.y] = [along, offset];
        offset += (down ? k.width! : k.height!) + GAP_NODE;
        thickness = Math.max(thickness, down ? k.height! : k.width!);
      }
      across = Math.max(across, offset - GAP_NODE);
      along += thickness + GAP_LAYER;
    }
    along -= GAP_LAYER;
    const min = /\((\d+),(\d+)\)/.exec(node.layoutOptions?.['elk.nodeSize.minimum'] ?? '');
    const w = (down ? across + pad.right : along + pad.right);
    const h = (down ? along + pad.bottom : across + pad.bottom);
    node.width = Math.max(w, min ? Number(min[1]) : 0);
    node.height = Math.max(h, min ? Number(min[2]) : 0);
  }

  /** Longest-path layers among siblings, lifting each edge to the children that hold its ends. */
  function layerChildren(node: DiagramNode, kids: DiagramNode[]): DiagramNode[][] {
    const index = new Map(kids.map((k, i) => [k.id, i]));
    const lift = (id: string): number | undefined => {
      for (let cur: string | undefined = id; cur !== undefined; cur = parent.get(cur)?.id) {
        if (parent.get(cur) === node) return index.get(cur);
      }
      return undefined;
    };
    const out: number[][] = kids.map(() => []);
    const indeg = kids.map(() => 0);
    for (const { edge } of edges) {
      const a = lift(edge.sources[0]);
      const b = lift(edge.targets[0]);
      if (a === undefined || b === undefined || a === b) continue;
      out[a].push(b);
      indeg[b]++;
    }
    const layer = kids.map(() => 0);
    const queue = kids.map((_, i) => i).filter((i) => indeg[i] === 0);
    const done = kids.map(() => false);
    let scan = 0;
    for (let qi = 0; ; qi++) {
      // Nodes on a cycle never reach in-degree 0; release the first one left.
      if (qi >= queue.length) {
        while (scan < kids.length && done[scan]) scan++;
        if (scan >= kids.length) break;
        queue.push(scan);
      }
      const v = queue[qi];
      if (done[v]) continue;
      done[v] = true;
      for (const w of out[v]) {
        if (done[w]) continue;
        layer[w] = Math.max(layer[w], layer[v] + 1);
        if (--indeg[w] === 0) queue.push(w);
      }
    }
    const layers: DiagramNode[][] = [];
    kids.forEach((k, i) => (layers[layer[i]] ??= []).push(k));
    return layers.filter(Boolean);
  }

  // Absolute boxes, then every edge routed in root coordinates.
  const abs = new Map<string, Box>();
  (function absolute(node: DiagramNode, ox: number, oy: number): void {
    const x = ox + (node.x ?? 0);
    const y = oy + (node.y ?? 0);
    abs.set(node.id, { x, y, w: node.width ?? 0, h: node.height ?? 0 });
    for (const c of node.children ?? []) absolute(c, x, y);
  })(graph, 0, 0);
  graph.x = 0;
  graph.y = 0;
  for (const { edge } of edges) route(edge);

  function route(edge: DiagramEdge): void {
    const s = abs.get(edge.sources[0]);
    const t = abs.get(edge.targets[0]);
    edge.container = graph.id;
    if (!s || !t) return;
    let points: { x: number; y: number }[];
    if (down ? t.y >= s.y + s.h : t.x >= s.x + s.w) {
      if (down) {
        const my = (s.y + s.h + t.y) / 2;
        points = [{ x: s.x + s.w / 2, y: s.y + s.h }, { x: s.x + s.w / 2, y: my }, { x: t.x + t.w / 2, y: my }, { x: t.x + t.w / 2, y: t.y }];
      } else {
        const mx = (s.x + s.w + t.x) / 2;
        points = [{ x: s.x + s.w, y: s.y + s.h / 2 }, { x: mx, y: s.y + s.h / 2 }, { x: mx, y: t.y + t.h / 2 }, { x: t.x, y: t.y + t.h / 2 }];
      }
    } else {
      // Backwards or sideways: leave from the bottom, go round below both, come up into the target.
      const below = Math.max(s.y + s.h, t.y + t.h) + 12;
      points = [{ x: s.x + s.w / 2, y: s.y + s.h }, { x: s.x + s.w / 2, y: below }, { x: t.x + t.w / 2, y: below }, { x: t.x + t.w / 2, y: t.y + t.h }];
    }
    edge.sections = [{ id: `${edge.id}_s0`, startPoint: points[0], bendPoints: points.slice(1, -1), endPoint: points[points.length - 1] }];
    const mid = { x: (points[1].x + points[2].x) / 2, y: (points[1].y + points[2].y) / 2 };
    for (const label of edge.labels ?? []) {
      label.x = mid.x - (label.width ?? 0) / 2;
      label.y = mid.y - (label.height ?? 0) - 2;
    }
  }
  return graph;
}
