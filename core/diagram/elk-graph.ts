/**
 * Model + figures → ELK graph. Regions and zones become nested compound
 * nodes, components leaf nodes sized to their text, edges sit in the lowest
 * common ancestor of their ends (as ELK expects with INCLUDE_CHILDREN). Ids
 * come from names only, never from positions or counters over the whole
 * file, so a re-layout after an edit moves little.
 */
import type { SystemFigures } from '../analysis/types';
import { COMPONENT_KINDS, type ComponentKind, type SystemModel } from '../model/types';
import { componentMeta, edgeLabelText, edgeTitle, groupMeta, systemSummary } from './elk-meta';
import type { Badge, DiagramEdge, DiagramNode, EdgeStyle, GroupMeta, Span } from './graph-types';
import { rootLayoutOptions, GROUP_PADDING } from './layout-options';
import { shapeFor } from './shapes';
import { badgesWidth } from './badges';
import { textWidth } from './text-width';

export const componentId = (name: string): string => `n:${name}`;
export const groupId = (name: string): string => `g:${name}`;
export const systemId = (name: string): string => `sys:${name}`;

/** Node text metrics shared with the renderer so text and box agree. */
export const NODE_TEXT = { caption: 10, label: 13, figures: 11, lineGap: 16, maxTextWidth: 240, minWidth: 96 };

const span = (r: { start: number; end: number } | undefined): Span => [r?.start ?? 0, r?.end ?? 0];

export function buildElkGraph(system: SystemModel, figures?: SystemFigures): DiagramNode {
  const nodes = new Map<string, DiagramNode>();
  const parentOf = new Map<string, string>();
  const rootId = systemId(system.name);
  const root: DiagramNode = { id: rootId, layoutOptions: rootLayoutOptions(system.direction, system.components.length), children: [], edges: [] };
  nodes.set(rootId, root);

  // Groups first, in declaration order, so a zone can find its region.
  const groupFigures = new Map((figures?.groups ?? []).map((g) => [g.name, g]));
  for (const group of system.groups) {
    const id = groupId(group.name);
    const meta = groupMeta(group, groupFigures.get(group.name));
    const titleWidth = groupTitleWidth(meta);
    nodes.set(id, {
      id,
      sysd: meta,
      children: [],
      edges: [],
      layoutOptions: {
        'elk.padding': `[top=${GROUP_PADDING.top},left=${GROUP_PADDING.left},bottom=${GROUP_PADDING.bottom},right=${GROUP_PADDING.right}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${Math.ceil(titleWidth)},60)`,
      },
    });
  }
  for (const group of system.groups) {
    const parent = group.parent && system.groupsByName.has(group.parent) && group.parent !== group.name ? groupId(group.parent) : rootId;
    parentOf.set(groupId(group.name), parent);
  }
  // A broken model could nest groups in a circle; such groups go to the top.
  for (const group of system.groups) {
    const id = groupId(group.name);
    const seenUp = new Set<string>([id]);
    for (let p = parentOf.get(id); p && p !== rootId; p = parentOf.get(p)) {
      if (seenUp.has(p)) {
        parentOf.set(id, rootId);
        break;
      }
      seenUp.add(p);
    }
  }

  const componentFigures = new Map((figures?.components ?? []).map((c) => [c.name, c]));
  const entryFigures = new Map((figures?.entries ?? []).map((e) => [e.name, e]));
  const kinds = new Set<ComponentKind>();
  const badges = new Set<Badge>();
  for (const c of system.components) {
    const id = componentId(c.name);
    const meta = componentMeta(c, componentFigures.get(c.name), entryFigures.get(c.name), system.maxUtilisation, figures !== undefined);
    meta.badges.forEach((b) => badges.add(b));
    kinds.add(c.kind);
    const shape = shapeFor(c.kind);
    const widths = [
      textWidth(meta.caption, NODE_TEXT.caption),
      textWidth(meta.label, NODE_TEXT.label, true),
      meta.figures ? textWidth(meta.figures, NODE_TEXT.figures) : 0,
      badgesWidth(meta.badges),
    ];
    const textW = Math.min(NODE_TEXT.maxTextWidth, Math.max(...widths));
    const lines = meta.figures ? 3 : 2;
    const width = Math.max(NODE_TEXT.minWidth, Math.ceil(textW + shape.insets.left + shape.insets.right));
    const height = Math.ceil(lines * NODE_TEXT.lineGap + 6 + shape.insets.top + shape.insets.bottom);
    nodes.set(id, { id, width, height, sysd: meta });
    parentOf.set(id, placeComponent(system, c.name));
  }

  // Attach children in model order (groups, then components) for stable output.
  for (const group of system.groups) attach(groupId(group.name));
  for (const c of system.components) attach(componentId(c.name));
  function attach(id: string): void {
    const parent = nodes.get(parentOf.get(id) ?? rootId) ?? root;
    parent.children!.push(nodes.get(id)!);
  }
  // A zone with nothing declared in it would be an empty box: its region's
  // title names it instead, and the components' tooltips say where they run.
  // A zone whose failure alone takes an entry down stays, to carry its badge.
  for (const group of system.groups) {
    const id = groupId(group.name);
    const node = nodes.get(id)!;
    if (node.children!.length > 0) continue;
    const meta = node.sysd as GroupMeta;
    const parent = nodes.get(parentOf.get(id) ?? rootId)!;
    if (group.type === 'zone' && meta.badges.length === 0 && parent !== root) {
      parent.children = parent.children!.filter((c) => c !== node);
      const pm = parent.sysd as GroupMeta;
      pm.zonesNote = pm.zonesNote ? `${pm.zonesNote}, ${group.name}` : `zones ${group.name}`;
      continue;
    }
    delete node.children;
    node.width = Number(/\((\d+)/.exec(node.layoutOptions!['elk.nodeSize.minimum'])![1]);
    node.height = 60;
  }
  // Group titles may have grown by their zones note; widen the minimum to match.
  for (const group of system.groups) {
    const node = nodes.get(groupId(group.name))!;
    const meta = node.sysd as GroupMeta;
    if (!meta.zonesNote || !node.children) continue;
    const w = groupTitleWidth(meta);
    node.layoutOptions!['elk.nodeSize.minimum'] = `(${w},60)`;
    if (node.children.length === 0) {
      delete node.children;
      node.width = w;
      node.height = 60;
    }
  }

  const styles = new Set<EdgeStyle>();
  const seen = new Map<string, number>();
  for (const e of system.edges) {
    const from = componentId(e.from);
    const to = componentId(e.to);
    if (!nodes.has(from) || !nodes.has(to)) continue;
    const key = `${e.from}:${e.to}:${e.kind}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const text = edgeLabelText(e);
    const edge: DiagramEdge = {
      id: `e:${key}:${k}`,
      sources: [from],
      targets: [to],
      sysd: {
        from: e.from, to: e.to, kind: e.kind, optional: e.optional, alternative: e.alternative,
        edgeId: e.id, statement: e.statement, group: e.group, label: text, title: edgeTitle(e),
        range: span(e.range), toRange: span(e.toRange),
      },
    };
    if (text) edge.labels = [{ text, width: Math.ceil(textWidth(text, 11) + 6), height: 14 }];
    styles.add(e.optional ? 'optional' : e.kind);
    if (e.alternative) styles.add('alternative');
    nodes.get(commonAncestor(from, to, parentOf, rootId))!.edges!.push(edge);
  }
  for (const node of nodes.values()) if (node.edges?.length === 0) delete node.edges;
  if (root.children!.length === 0) delete root.children;

  root.sysd = {
    type: 'system',
    name: system.name,
    label: system.label ?? system.name,
    direction: system.direction === 'down' ? 'down' : 'right',
    kinds: COMPONENT_KINDS.filter((k) => kinds.has(k)),
    edgeStyles: (['sync', 'async', 'optional', 'alternative'] as const).filter((s) => styles.has(s)),
    badges: (['spof', 'overload', 'hot'] as const).filter((b) => badges.has(b)),
    summary: figures ? systemSummary(figures) : undefined,
  };
  return root;

  function placeComponent(sys: SystemModel, name: string): string {
    const c = sys.componentsByName.get(name)!;
    if (c.group && sys.groupsByName.has(c.group)) return groupId(c.group);
    if (c.region && sys.groupsByName.has(c.region)) return groupId(c.region);
    // Declared at the top but spread over zones of one region: draw it in that region.
    const regions = new Set(c.zones.map((z) => sys.groupsByName.get(z)?.parent));
    const [only] = [...regions];
    if (regions.size === 1 && only && sys.groupsByName.has(only)) return groupId(only);
    return rootId;
  }
}

/** The deepest node that contains both ends, where ELK wants the edge. */
function commonAncestor(a: string, b: string, parentOf: Map<string, string>, rootId: string): string {
  const chain = new Set<string>();
  for (let p = parentOf.get(a); p; p = parentOf.get(p)) chain.add(p);
  chain.add(rootId);
  for (let p = parentOf.get(b); p; p = parentOf.get(p)) if (chain.has(p)) return p;
  return rootId;
}

/** Room a group's title row needs: label, badges, and the note of zones folded into it. */
function groupTitleWidth(meta: GroupMeta): number {
  const note = meta.zonesNote ? textWidth(meta.zonesNote, 11) + 12 : 0;
  return Math.ceil(textWidth(meta.label, 12, true) + badgesWidth(meta.badges) + 8 + note + GROUP_PADDING.left + GROUP_PADDING.right);
}
