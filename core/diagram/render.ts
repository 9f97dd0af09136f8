/**
 * Model + figures → ELK graph → layout → SVG, behind the Layouter port. This
 * module does not import ELK: the CLI loads it to render with the worker
 * layouter, and loading ELK's 3 MB on the main thread as well cost a quarter
 * of a second of every `sysd render`. Nothing here throws: a failing layout
 * falls back to the simple one, and a failing render gives a small SVG that
 * says what went wrong.
 */
import type { SystemFigures } from '../analysis/types';
import type { SystemModel } from '../model/types';
import { escapeAttr, escapeText } from './escape';
import { buildElkGraph } from './elk-graph';
import { fallbackLayout } from './fallback-layout';
import type { DiagramNode } from './graph-types';
import { short } from './layout-fallback';
import { copyForLayout, type Layouter } from './layout-port';
import { renderSvg } from './svg';
import { themeClass, themeCss, type ThemeName } from './theme';

export interface RenderOptions {
  theme?: ThemeName;
  /** Milliseconds the layout may take before the fallback layout is used. */
  deadlineMs?: number;
  /** CPU milliseconds the layout may use before the fallback layout is used (see `LayoutRequest`). */
  layoutCpuMs?: number;
  isCancelled?: () => boolean;
}

export const DEFAULT_DEADLINE_MS = 10_000;

export async function renderSystemSvg(
  system: SystemModel,
  figures: SystemFigures | undefined,
  layouter: Layouter,
  opts: RenderOptions = {},
): Promise<{ svg: string; notes: string[] }> {
  const notes: string[] = [];
  let graph: DiagramNode;
  try {
    graph = buildElkGraph(system, figures);
  } catch (err) {
    return failed(system?.name, `the diagram could not be built (${short(err)})`, opts.theme);
  }
  let laid: DiagramNode;
  try {
    const result = await layouter.layout(graph, { deadlineMs: opts.deadlineMs ?? DEFAULT_DEADLINE_MS, cpuMs: opts.layoutCpuMs, isCancelled: opts.isCancelled });
    laid = result.graph;
    if (result.fallback) notes.push(`A simple layout is shown because ${result.reason ?? 'the layout engine was not available'}.`);
  } catch (err) {
    laid = fallbackLayout(copyForLayout(graph));
    notes.push(`A simple layout is shown because the layout failed (${short(err)}).`);
  }
  try {
    return { svg: renderSvg(laid, { theme: opts.theme, notes }), notes };
  } catch (err) {
    return failed(system?.name, `the diagram could not be drawn (${short(err)})`, opts.theme);
  }
}

/** A minimal, valid SVG carrying the reason, so callers always get a picture. */
function failed(name: string | undefined, reason: string, theme: ThemeName | undefined): { svg: string; notes: string[] } {
  const note = `No diagram: ${reason}.`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="sysd-diagram ${themeClass(theme)}" viewBox="0 0 480 40" width="480" height="40" data-sysd="system" data-name="${escapeAttr(name ?? '')}">` +
    `<style>${themeCss()}</style><text class="sysd-note" x="10" y="24">${escapeText(note)}</text></svg>`;
  return { svg, notes: [note] };
}
