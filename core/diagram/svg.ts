/**
 * Laid-out graph → SVG string. A pure function: no DOM, no I/O, the same
 * graph always gives the same text. Every piece of user text goes through
 * escape.ts; colours are CSS variables from theme.ts; every component and
 * edge carries data- attributes (name, source range) for click-to-source.
 */
import { isEntryKind } from '../model/kinds';
import { badgesWidth, drawBadges } from './badges';
import { NODE_TEXT } from './elk-graph';
import { escapeAttr, escapeText, safeToken } from './escape';
import type { ComponentMeta, DiagramEdge, DiagramNode, GroupMeta, SystemMeta } from './graph-types';
import { renderLegend } from './legend';
import { isStore, shapeFor } from './shapes';
import { fitText, textWidth } from './text-width';
import { themeClass, themeCss, type ThemeName } from './theme';

export interface SvgOptions {
  theme?: ThemeName;
  /** Lines shown under the diagram, such as "a simple layout is shown". */
  notes?: string[];
  /**
   * Write the theme's <style> into the SVG (the default: an exported file
   * stands alone). The preview sets it to false and loads dist/diagram.css,
   * because its content security policy allows only the extension's style files.
   */
  inlineStyle?: boolean;
}

const HEADER = 52;
const MARGIN = 12;
const r = (v: number | undefined): string => String(Math.round((v ?? 0) * 10) / 10);

interface Placed {
  node: DiagramNode;
  x: number;
  y: number;
}

export function renderSvg(graph: DiagramNode, opts: SvgOptions = {}): string {
  const system = (graph.sysd?.type === 'system' ? graph.sysd : undefined) as SystemMeta | undefined;
  const token = safeToken(system?.name ?? 'diagram');
  const withFigures = hasFigures(graph);

  // Absolute positions of every node; edges are drawn in their container's frame.
  const abs = new Map<string, { x: number; y: number }>();
  const groups: Placed[] = [];
  const leaves: Placed[] = [];
  const edges: { edge: DiagramEdge; ox: number; oy: number }[] = [];
  const owned: { edge: DiagramEdge; owner: string }[] = [];
  (function walk(node: DiagramNode, px: number, py: number, isRoot: boolean): void {
    const x = isRoot ? 0 : px + (node.x ?? 0);
    const y = isRoot ? 0 : py + (node.y ?? 0);
    abs.set(node.id, { x, y });
    if (!isRoot) (node.sysd?.type === 'component' ? leaves : groups).push({ node, x, y });
    for (const e of node.edges ?? []) owned.push({ edge: e, owner: node.id });
    for (const c of node.children ?? []) walk(c, x, y, false);
  })(graph, 0, 0, true);
  for (const { edge, owner } of owned) {
    const o = abs.get(edge.container ?? owner) ?? abs.get(owner)!;
    edges.push({ edge, ox: o.x, oy: o.y });
  }

  const graphW = Math.max(graph.width ?? 0, 200);
  const graphH = graph.height ?? 0;
  const legend = system ? renderLegend(system, Math.max(graphW, 520), token, withFigures) : { svg: '', width: 0, height: 0 };
  const notes = opts.notes ?? [];
  const width = Math.ceil(Math.max(graphW, legend.width + 2 * MARGIN, textWidth(system?.label ?? '', 15, true) + 2 * MARGIN));
  const legendY = HEADER + graphH + MARGIN;
  const notesY = legendY + legend.height + (legend.height ? MARGIN : 0);
  const height = Math.ceil(notesY + notes.length * 16 + MARGIN);

  const out: string[] = [];
  const label = system?.label ?? graph.id;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="sysd-diagram ${themeClass(opts.theme)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeAttr(`Diagram of ${label}`)}" data-sysd="system" data-name="${escapeAttr(system?.name ?? '')}">`,
    `<title>${escapeText(label)}</title>`,
    ...(opts.inlineStyle === false ? [] : [`<style>${themeCss()}</style>`]),
    `<defs>`,
    `<marker id="sysd-arrow-${token}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="sysd-arrow" d="M0 0 L10 5 L0 10 z"/></marker>`,
    `<marker id="sysd-alt-${token}" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="7" markerHeight="7" orient="auto"><circle class="sysd-alt-mark" cx="5" cy="5" r="3.5"/></marker>`,
    `</defs>`,
    `<rect class="sysd-bg" x="0" y="0" width="${width}" height="${height}"/>`,
    `<text class="sysd-title" x="${MARGIN + 8}" y="24">${escapeText(label)}</text>`,
  );
  if (system?.summary) out.push(`<text class="sysd-figures" x="${MARGIN + 8}" y="42">${escapeText(system.summary)}</text>`);
  out.push(`<g class="sysd-graph" transform="translate(0,${HEADER})">`);
  for (const g of groups) out.push(renderGroup(g));
  for (const e of edges) out.push(renderEdge(e.edge, e.ox, e.oy, token));
  for (const c of leaves) out.push(renderComponent(c));
  out.push(`</g>`);
  if (legend.svg) out.push(`<g transform="translate(${MARGIN},${legendY})">${legend.svg}</g>`);
  notes.forEach((note, i) => out.push(`<text class="sysd-note" x="${MARGIN + 8}" y="${notesY + 12 + i * 16}">${escapeText(note)}</text>`));
  out.push(`</svg>`);
  return out.join('\n');
}

function hasFigures(graph: DiagramNode): boolean {
  if (graph.sysd?.type === 'component' && graph.sysd.figures) return true;
  return (graph.children ?? []).some(hasFigures);
}

const span = (s: [number, number]): string => `${s[0]},${s[1]}`;

function renderGroup({ node, x, y }: Placed): string {
  const meta = node.sysd as GroupMeta | undefined;
  const type = meta?.type ?? 'zone';
  const w = node.width ?? 0;
  const title = fitText(meta?.label ?? node.id, 12, Math.max(40, w - 20), true);
  const attrs = meta
    ? ` data-sysd="${type}" data-name="${escapeAttr(meta.name)}" data-range="${span(meta.range)}" data-name-range="${span(meta.nameRange)}"`
    : '';
  const badges = meta?.badges.length ? drawBadges(meta.badges, 18 + textWidth(title, 12, true) + badgesWidth(meta.badges), 15) : '';
  const zonesX = 18 + textWidth(title, 12, true) + (meta?.badges.length ? badgesWidth(meta.badges) + 8 : 0);
  const zones = meta?.zonesNote ? `<text class="sysd-figures" x="${r(zonesX)}" y="20">${escapeText(meta.zonesNote)}</text>` : '';
  return (
    `<g class="sysd-group sysd-${type}"${attrs} transform="translate(${r(x)},${r(y)})">` +
    `<title>${escapeText(meta?.title ?? node.id)}</title>` +
    `<rect class="sysd-group-box" x="0" y="0" width="${r(w)}" height="${r(node.height)}" rx="8"/>` +
    `<text class="sysd-group-label" x="10" y="20">${escapeText(title)}</text>${badges}${zones}</g>`
  );
}

function renderComponent({ node, x, y }: Placed): string {
  const meta = node.sysd as ComponentMeta;
  const w = node.width ?? 0;
  const h = node.height ?? 0;
  const shape = shapeFor(meta.kind);
  const classes = ['sysd-node', `sysd-k-${meta.kind}`];
  if (isEntryKind(meta.kind)) classes.push('sysd-entry');
  else if (meta.kind === 'external') classes.push('sysd-ext');
  else if (isStore(meta.kind)) classes.push('sysd-store');
  classes.push(...meta.badges.map((b) => `sysd-${b}`));
  const textW = Math.max(20, w - shape.insets.left - shape.insets.right);
  const cx = shape.insets.left + textW / 2;
  const top = shape.insets.top + 3;
  const lines = [
    `<text class="sysd-kind" x="${r(cx)}" y="${top + 10}" text-anchor="middle">${escapeText(fitText(meta.caption, NODE_TEXT.caption, textW))}</text>`,
    `<text class="sysd-label" x="${r(cx)}" y="${top + 10 + NODE_TEXT.lineGap}" text-anchor="middle">${escapeText(fitText(meta.label, NODE_TEXT.label, textW, true))}</text>`,
  ];
  if (meta.figures) {
    lines.push(`<text class="sysd-figures" x="${r(cx)}" y="${top + 10 + 2 * NODE_TEXT.lineGap}" text-anchor="middle">${escapeText(fitText(meta.figures, NODE_TEXT.figures, textW))}</text>`);
  }
  return (
    `<g class="${classes.join(' ')}" data-sysd="component" data-name="${escapeAttr(meta.name)}" data-kind="${meta.kind}" data-range="${span(meta.range)}" data-name-range="${span(meta.nameRange)}"` +
    `${meta.badges.length ? ` data-badges="${meta.badges.join(' ')}"` : ''} transform="translate(${r(x)},${r(y)})">` +
    `<title>${escapeText(meta.title)}</title>${shape.draw(w, h)}${lines.join('')}${drawBadges(meta.badges, w - 6, 0)}</g>`
  );
}

function renderEdge(edge: DiagramEdge, ox: number, oy: number, token: string): string {
  const meta = edge.sysd;
  let d = '';
  for (const s of edge.sections ?? []) {
    const pts = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint];
    d += pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x + ox)} ${r(p.y + oy)}`).join(' ') + ' ';
  }
  const classes = ['sysd-edge', meta?.kind === 'async' ? 'sysd-async' : 'sysd-sync'];
  if (meta?.optional) classes.push('sysd-optional');
  if (meta?.alternative) classes.push('sysd-alternative');
  const attrs = meta
    ? ` data-sysd="edge" data-from="${escapeAttr(meta.from)}" data-to="${escapeAttr(meta.to)}" data-edge-id="${meta.edgeId}" data-statement="${meta.statement}" data-range="${span(meta.range)}" data-to-range="${span(meta.toRange)}"`
    : ' data-sysd="edge"';
  const start = meta?.alternative ? ` marker-start="url(#sysd-alt-${token})"` : '';
  let labels = '';
  for (const l of edge.labels ?? []) {
    if (l.x === undefined || l.y === undefined) continue;
    labels += `<text class="sysd-edge-label" x="${r(l.x + ox + (l.width ?? 0) / 2)}" y="${r(l.y + oy + 11)}" text-anchor="middle">${escapeText(l.text ?? '')}</text>`;
  }
  return (
    `<g class="${classes.join(' ')}"${attrs}><title>${escapeText(meta?.title ?? edge.id)}</title>` +
    `<path class="sysd-edge-line" d="${d.trim()}" marker-end="url(#sysd-arrow-${token})"${start}/>${labels}</g>`
  );
}
