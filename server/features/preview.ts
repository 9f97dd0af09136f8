/**
 * `sysd/previewDiagram`: one system drawn for the preview panel. The layout
 * runs in the server's layout worker (shared with the SVG export) under a
 * deadline, past which the simple layout is shown with a note; when only
 * figures changed since the last diagram of the same system, its positions
 * are kept and ELK is not asked (core/diagram/reuse-layout.ts); when the
 * topology changed, the last layout's positions seed the new one, so a small
 * edit moves little (core/diagram/layout-seed.ts). The SVG
 * leaves out its <style>: the panel loads the theme from the extension's
 * files. Everything the panel shows besides the picture — tooltips, badges,
 * ranges — comes from core through here, so the webview computes nothing.
 */
import { DEFAULT_DEADLINE_MS, buildElkGraph, fallbackLayout, renderSvg } from '../../core/diagram/index';
import { groupMeta } from '../../core/diagram/elk-meta';
import type { ComponentMeta, DiagramNode } from '../../core/diagram/graph-types';
import { copyForLayout } from '../../core/diagram/layout-port';
import { positionsOf } from '../../core/diagram/layout-seed';
import { reuseLayout } from '../../core/diagram/reuse-layout';
import { viewOf, type SystemView } from '../../core/lookup';
import type { PreviewDiagramParams, PreviewDiagramResult, PreviewElement, PreviewLayout } from '../../protocol/preview';
import type { Snapshot } from '../documents';
import { wallClockLimit } from '../wall-clock';
import { layouterFor } from './export-svg';
import { componentHover, groupHover } from './hover';

/** The panel must show a 1,000-component diagram within 2 s of opening: ELK gets 1 s of that, the analysis, the simple layout and the page the rest. */
export const PREVIEW_DEADLINE_MS = 1000;
/** After a fallback the panel asks again for ELK's layout, which may take as long as an export's. */
export const PREVIEW_FULL_DEADLINE_MS = DEFAULT_DEADLINE_MS;

/** The last laid-out graph per document and system, for keeping positions when only figures change. */
const lastLayout = new Map<string, DiagramNode>();

export function forgetPreview(uri: string): void {
  for (const key of lastLayout.keys()) if (key.startsWith(`${uri}\n`)) lastLayout.delete(key);
}

/**
 * The laid-out graphs kept for a document, to hand to the other analysis
 * worker when it takes the document over (server/analysis-worker.ts), so a
 * figures-only edit keeps its positions whichever worker draws it.
 */
export function previewLayouts(uri: string): [string, DiagramNode][] {
  return [...lastLayout].filter(([key]) => key.startsWith(`${uri}\n`));
}

export function adoptPreviewLayouts(layouts: [string, DiagramNode][]): void {
  for (const [key, graph] of layouts) if (!lastLayout.has(key)) lastLayout.set(key, graph);
}

/** The hover's markdown as the tooltip's plain lines: emphasis dropped, escaped user text read back. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\\([\\`*_{}[\]()#+!|<>~:@&$^=.-])|\*\*|`/g, (_, ch: string | undefined) => ch ?? '')
    .split('\n')
    .map((line) => line.replace(/^- /, '• '))
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}

export async function previewDiagram(
  snapshot: Snapshot | undefined,
  params: PreviewDiagramParams,
  isCancelled?: () => boolean,
): Promise<PreviewDiagramResult> {
  if (!snapshot) return { uri: params.uri, version: -1, parses: false, systems: [], elements: [], error: 'The document is not open in the sysd language server.' };
  const { analysis } = snapshot;
  const systems = analysis.model.systems.map((s) => s.name);
  const base = { uri: snapshot.uri, version: snapshot.version, systems, elements: [] as PreviewElement[] };
  if (analysis.diagnostics.some((d) => d.code === 'syntax')) return { ...base, parses: false };
  const index = Math.max(0, params.system ? systems.indexOf(params.system) : 0);
  const model = analysis.model.systems[index];
  if (!model) return { ...base, parses: true, error: 'This file declares no system to draw.' };
  const astSystem = analysis.ast.systems.find((s) => s.name?.text === model.name && s.name.range.start === model.nameRange.start)
    ?? analysis.ast.systems.find((s) => s.name?.text === model.name);
  const view: SystemView = viewOf(analysis, astSystem) ?? { model, figures: analysis.systems.find((f) => f.name === model.name) };

  const graph = buildElkGraph(model, view.figures);
  const key = `${snapshot.uri}\n${model.name}`;
  const previous = lastLayout.get(key);
  let laid = previous && reuseLayout(graph, previous);
  let layout: PreviewLayout = 'reused';
  let note: string | undefined;
  if (!laid) {
    try {
      const result = await layouterFor().layout(graph, { deadlineMs: wallClockLimit(params.full ? PREVIEW_FULL_DEADLINE_MS : PREVIEW_DEADLINE_MS), isCancelled, previous: previous && positionsOf(previous) });
      laid = result.graph;
      layout = result.fallback ? 'fallback' : 'new';
      if (result.fallback) note = `A simple layout is shown because ${result.reason ?? 'the layout engine was not available'}.`;
    } catch (err) {
      laid = fallbackLayout(copyForLayout(graph));
      layout = 'fallback';
      note = `A simple layout is shown because the layout failed (${err instanceof Error ? err.message.slice(0, 160) : String(err)}).`;
    }
  }
  // A fallback is not worth keeping: the next edit should try ELK again.
  if (layout === 'fallback') lastLayout.delete(key);
  else lastLayout.set(key, laid);

  const svg = renderSvg(laid, { theme: 'auto', notes: note ? [note] : [], inlineStyle: false });
  return { ...base, parses: true, system: model.name, svg, elements: elementsOf(graph, view), layout, note };
}

/** Every component, zone and region of the system, drawn or folded into its region's title, in model order. */
function elementsOf(graph: DiagramNode, view: SystemView): PreviewElement[] {
  const drawn = new Map<string, ComponentMeta>();
  (function walk(node: DiagramNode): void {
    if (node.sysd?.type === 'component') drawn.set(node.sysd.name, node.sysd);
    for (const c of node.children ?? []) walk(c);
  })(graph);
  const out: PreviewElement[] = [];
  for (const group of view.model.groups) {
    const meta = groupMeta(group, view.figures?.groups.find((g) => g.name === group.name));
    const markdown = groupHover(view, group.name);
    out.push({ kind: group.type, name: group.name, range: meta.range, nameRange: meta.nameRange, tooltip: markdown ? plainText(markdown) : meta.title, badges: [...meta.badges] });
  }
  for (const component of view.model.components) {
    const meta = drawn.get(component.name);
    if (!meta) continue;
    const markdown = componentHover(view, component.name);
    out.push({ kind: 'component', name: meta.name, range: meta.range, nameRange: meta.nameRange, tooltip: markdown ? plainText(markdown) : meta.title, badges: [...meta.badges] });
  }
  return out;
}
