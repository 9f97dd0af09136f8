/**
 * Every message from the webview is checked here before the extension host
 * acts on it: the page runs the user's diagram, so its messages are treated
 * as untrusted input. A message that does not have exactly the expected shape
 * is dropped. Plain functions, no `vscode`, unit-tested.
 */
import { PREVIEW_LIMITS, type PreviewState, type Span, type WebviewMessage } from '../../protocol/preview';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= PREVIEW_LIMITS.name;

function span(v: unknown): Span | undefined {
  return Array.isArray(v) && v.length === 2 && isCount(v[0]) && isCount(v[1]) && v[0] <= v[1] ? [v[0], v[1]] : undefined;
}

function names(v: unknown): string[] | undefined {
  if (!Array.isArray(v) || v.length > PREVIEW_LIMITS.failed || !v.every(isName)) return undefined;
  return [...new Set(v as string[])];
}

const finite = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;

export function parseState(v: unknown): PreviewState | undefined {
  if (!isObj(v) || typeof v.uri !== 'string' || v.uri.length > 4096) return undefined;
  if (v.system !== undefined && !isName(v.system)) return undefined;
  if (!finite(v.zoom, 0.001, 1000) || !finite(v.x, -1e7, 1e7) || !finite(v.y, -1e7, 1e7)) return undefined;
  const failed = names(v.failed ?? []);
  if (!failed) return undefined;
  return { uri: v.uri, system: v.system, zoom: v.zoom, x: v.x, y: v.y, failed, whatIfOpen: v.whatIfOpen !== false };
}

export function parseWebviewMessage(v: unknown): WebviewMessage | undefined {
  if (!isObj(v)) return undefined;
  switch (v.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal': {
      const range = span(v.range);
      const selection = span(v.selection);
      if (!isCount(v.version) || !range || !selection) return undefined;
      // The selection must lie inside the range, as the diagram's data says.
      if (selection[0] < range[0] || selection[1] > range[1]) return undefined;
      return { type: 'reveal', version: v.version, range, selection };
    }
    case 'pickSystem':
      return isName(v.system) ? { type: 'pickSystem', system: v.system } : undefined;
    case 'whatIf': {
      const failed = names(v.failed);
      return failed ? { type: 'whatIf', failed } : undefined;
    }
    case 'export': {
      if (typeof v.data !== 'string' || v.data.length > PREVIEW_LIMITS.exportChars) return undefined;
      if (v.format === 'svg' && /^<svg[\s>]/.test(v.data)) return { type: 'export', format: 'svg', data: v.data };
      if (v.format === 'png' && /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/.test(v.data)) return { type: 'export', format: 'png', data: v.data };
      return undefined;
    }
    case 'state': {
      const state = parseState(v.state);
      return state ? { type: 'state', state } : undefined;
    }
    default:
      return undefined;
  }
}
