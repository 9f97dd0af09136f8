/**
 * The preview webview: shows the server's SVG and lets the reader move
 * around it; every figure, tooltip and what-if answer comes from the host.
 * It imports only protocol/ (test/unit/webview-boundary.test.ts), inserts
 * user text only as text, and asks the host for everything else.
 *
 * The page's DOM is a contract the tests and the end-to-end test rely on:
 * elements `[data-sysd="component"|"zone"|"region"][data-name]`, class
 * `sysd-selected` on the highlighted one and `sysd-lost` on what a what-if
 * loses, toggles `button[data-whatif]`, `#sysd-whatif-summary`, `#sysd-stale`.
 */
import type { DiagramMessage, HostMessage, PreviewElement, PreviewLayout, PreviewState } from '../protocol/preview';
import { post, saveState, savedState } from './api';
import { currentPalette, exportPng, exportSvgText } from './export';
import { elementAt, rangeOf } from './select';
import { importSvg } from './svg-import';
import { Snapshot } from './snapshot';
import { Tooltip } from './tooltip';
import { Viewport, type View } from './viewport';
import { WhatIfView } from './what-if';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const frame = $('sysd-viewport');
const canvas = $('sysd-canvas');
const picker = $<HTMLSelectElement>('sysd-system');
const message = $('sysd-message');
const stale = $('sysd-stale');
const aside = $('sysd-whatif');
const openWhatIf = $('sysd-whatif-open');
const zoomLevel = $('sysd-zoom-level');

const viewport = new Viewport(frame, canvas);
const snapshot = new Snapshot(canvas);
/** The moving bitmap of a large diagram is redrawn after anything that changes how the diagram looks. */
const redrawSnapshot = () => snapshot.invalidate(svg, exportCss, currentPalette(document.body));
new MutationObserver(redrawSnapshot).observe(document.body, { attributes: true, attributeFilter: ['class'] });
const tooltip = new Tooltip($('sysd-tooltip'));
const whatIf = new WhatIfView(aside, $('sysd-whatif-bar'), $('sysd-whatif-summary'), (failed) => {
  post({ type: 'whatIf', failed });
  persist();
});

const saved = savedState();
let shown: { uri: string; system?: string; version: number; layout?: PreviewLayout } | undefined;
let svg: SVGSVGElement | undefined;
let titles = new WeakMap<Element, string>();
let elements = new Map<string, PreviewElement>();
let elementsKey = '';
let exportCss = '';
let cursor: { version: number; offset: number } | undefined;
let restoreView: View | undefined = typeof saved.zoom === 'number' ? { zoom: saved.zoom, x: saved.x ?? 0, y: saved.y ?? 0 } : undefined;
let whatIfOpen = saved.whatIfOpen !== false;
if (Array.isArray(saved.failed)) for (const n of saved.failed) if (typeof n === 'string') whatIf.failed.add(n);

function state(): PreviewState | undefined {
  const uri = shown?.uri ?? saved.uri;
  if (!uri) return undefined;
  const { zoom, x, y } = viewport.view;
  return { uri, system: shown?.system ?? saved.system, zoom, x, y, failed: [...whatIf.failed], whatIfOpen };
}

let persistTimer: number | undefined;
function persist(): void {
  if (persistTimer !== undefined) clearTimeout(persistTimer);
  persistTimer = window.setTimeout(() => {
    const s = state();
    if (!s) return;
    saveState(s);
    post({ type: 'state', state: s });
  }, 250);
}

viewport.onChange = (view) => {
  zoomLevel.textContent = `${Math.round(view.zoom * 100)}%`;
  persist();
};
viewport.attach();

function setWhatIfOpen(open: boolean): void {
  whatIfOpen = open;
  aside.hidden = !open;
  openWhatIf.setAttribute('aria-expanded', String(open));
}
setWhatIfOpen(whatIfOpen);

function showDiagram(msg: DiagramMessage): void {
  const r = msg.result;
  $('sysd-file').textContent = msg.fileName;
  setStale(msg.stale);
  message.textContent = r.error ?? r.note ?? '';
  picker.replaceChildren(...r.systems.map((name) => {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = name;
    return option;
  }));
  picker.value = r.system ?? '';
  $('sysd-system-label').hidden = r.systems.length < 2;
  if (!r.svg) {
    // Another file or system with nothing to draw yet: the old picture would mislead.
    if (shown && (shown.uri !== r.uri || shown.system !== r.system)) clearDiagram();
    return;
  }
  const imported = importSvg(r.svg);
  if (!imported) {
    message.textContent = 'The diagram could not be read.';
    return;
  }
  // ELK's layout after the quick simple one is a different picture: fit it rather than keep the old view.
  const sameView = shown && shown.uri === r.uri && shown.system === r.system && svg && !(shown.layout === 'fallback' && r.layout !== 'fallback');
  const restoring = !sameView && restoreView && saved.uri === r.uri && (saved.system ?? r.system) === r.system;
  svg = imported.svg;
  titles = imported.titles;
  // The SVG sits in its own box so that it can be hidden without losing its layout while a bitmap moves (snapshot.ts).
  const live = document.createElement('div');
  live.id = 'sysd-live';
  live.append(svg);
  canvas.replaceChildren(live);
  redrawSnapshot();
  viewport.setContent(Number(svg.getAttribute('width')) || 0, Number(svg.getAttribute('height')) || 0);
  if (!sameView) {
    if (restoring) viewport.set(restoreView!);
    else viewport.fit(false);
    restoreView = undefined;
  }
  shown = { uri: r.uri, system: r.system, version: r.version, layout: r.layout };
  elements = new Map(r.elements.map((e) => [e.name, e]));
  const key = r.elements.map((e) => `${e.kind}:${e.name}`).join('\n');
  if (key !== elementsKey) {
    elementsKey = key;
    whatIf.setElements(r.elements);
  }
  if (cursor) highlight(cursor.version, cursor.offset, false);
  persist();
}

/** The last good diagram of a text that no longer parses: said in words, and the picture faded. */
function setStale(on: boolean): void {
  stale.hidden = !on;
  document.body.classList.toggle('sysd-is-stale', on);
}

function clearDiagram(): void {
  svg = undefined;
  shown = undefined;
  elements = new Map();
  elementsKey = '';
  canvas.replaceChildren();
  whatIf.clear();
  whatIf.setElements([]);
  whatIf.apply(undefined, undefined);
  viewport.setContent(0, 0);
}

function highlight(version: number, offset: number, scroll: boolean): void {
  cursor = { version, offset };
  if (!svg || !shown || version !== shown.version) return;
  svg.querySelectorAll('.sysd-selected').forEach((el) => el.classList.remove('sysd-selected'));
  const el = elementAt(svg, offset);
  if (!el) return;
  el.classList.add('sysd-selected');
  if (!scroll) return;
  const box = el.getBoundingClientRect();
  const origin = canvas.getBoundingClientRect();
  const z = viewport.view.zoom;
  viewport.reveal({ x: (box.left - origin.left) / z, y: (box.top - origin.top) / z, width: box.width / z, height: box.height / z });
}

function handle(msg: HostMessage): void {
  switch (msg.type) {
    case 'diagram':
      return showDiagram(msg);
    case 'stale':
      return setStale(true);
    case 'cursor':
      return highlight(msg.version, msg.offset, true);
    case 'whatIf':
      whatIf.apply(svg, msg.result, msg.error);
      return redrawSnapshot();
    case 'settings': {
      exportCss = msg.exportCss;
      redrawSnapshot();
      const reduced = msg.reducedMotion || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      viewport.reducedMotion = reduced;
      document.body.classList.toggle('sysd-reduced-motion', reduced);
      return;
    }
    case 'error':
      message.textContent = msg.message;
      return;
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as HostMessage | undefined;
  if (data && typeof data === 'object' && typeof data.type === 'string') handle(data);
});

canvas.addEventListener('click', (event) => {
  if (viewport.dragged || !svg || !shown) return;
  const el = (event.target as Element).closest('[data-sysd]');
  if (!el || el === svg) return;
  const where = rangeOf(el);
  if (!where) return;
  svg.querySelectorAll('.sysd-selected').forEach((e) => e.classList.remove('sysd-selected'));
  el.classList.add('sysd-selected');
  post({ type: 'reveal', version: shown.version, range: where.range, selection: where.selection });
});

canvas.addEventListener('pointermove', (event) => {
  const el = (event.target as Element).closest('[data-sysd]');
  if (!el || el === svg) return tooltip.hide();
  const name = el.getAttribute('data-name');
  tooltip.show((name && elements.get(name)?.tooltip) || titles.get(el) || '', event.clientX, event.clientY);
});
canvas.addEventListener('pointerleave', () => tooltip.hide());

picker.addEventListener('change', () => {
  whatIf.clear();
  whatIf.apply(svg, undefined);
  post({ type: 'pickSystem', system: picker.value });
});
$('sysd-zoom-in').addEventListener('click', () => viewport.zoomBy(1.25));
$('sysd-zoom-out').addEventListener('click', () => viewport.zoomBy(0.8));
$('sysd-fit').addEventListener('click', () => viewport.fit());
openWhatIf.addEventListener('click', () => {
  setWhatIfOpen(!whatIfOpen);
  persist();
});
$('sysd-whatif-clear').addEventListener('click', () => {
  whatIf.clear();
  whatIf.apply(svg, undefined);
  redrawSnapshot();
  post({ type: 'whatIf', failed: [] });
  persist();
});

function exportView(format: 'svg' | 'png'): void {
  if (!svg) return;
  const text = exportSvgText(svg, exportCss, currentPalette(document.body));
  if (format === 'svg') {
    post({ type: 'export', format, data: text });
    return;
  }
  exportPng(text, Number(svg.getAttribute('width')) || 1, Number(svg.getAttribute('height')) || 1).then(
    (data) => post({ type: 'export', format: 'png', data }),
    (error: unknown) => {
      message.textContent = `The PNG could not be made: ${error instanceof Error ? error.message : String(error)}.`;
    },
  );
}
$('sysd-export-svg').addEventListener('click', () => exportView('svg'));
$('sysd-export-png').addEventListener('click', () => exportView('png'));

// The host answers `ready` with the settings and the diagram.
const initial = state();
if (initial) post({ type: 'state', state: initial });
post({ type: 'ready' });
