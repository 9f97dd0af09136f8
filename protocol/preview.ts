/**
 * The preview panel's messages: the server request that draws a system for
 * the panel, and the messages between the extension host and the webview.
 * Types and names only: this file imports nothing, because the webview's
 * browser bundle shares it with the client and the server.
 *
 * Ranges are UTF-16 offsets `[start, end)` into the text of the version they
 * carry, as everywhere in core; the client converts them with the document of
 * that version, and drops them when the text has moved on.
 */

export type Span = [number, number];

import { request, type AtVersion } from './message';

export interface PreviewDiagramParams {
  uri: string;
  /** System name; the first system of the file when absent or unknown. */
  system?: string;
  /**
   * Give ELK its full deadline. The panel first asks without it, so a large
   * system is shown at once (in the simple layout if ELK is slow), and asks
   * again with it after a fallback.
   */
  full?: boolean;
}

export type PreviewElementKind = 'component' | 'zone' | 'region';

/** What the panel shows about one component, zone or region besides the SVG. */
export interface PreviewElement {
  kind: PreviewElementKind;
  name: string;
  range: Span;
  nameRange: Span;
  /** The hover's text, as plain lines: the tooltip shows exactly what the editor's hover says. */
  tooltip: string;
  /** SPOF / OVERLOAD / HOT, as core found them. */
  badges: string[];
}

/** How the positions of the diagram came about. */
export type PreviewLayout =
  /** ELK laid the system out afresh. */
  | 'new'
  /** Same topology and sizes as the previous diagram: its positions were kept, only text and badges changed. */
  | 'reused'
  /** ELK missed its deadline or failed: the simple layout is shown, and `note` says why. */
  | 'fallback';

/** `version` is the document version the diagram and every range in it belong to. */
export interface PreviewDiagramResult extends AtVersion {
  /** False while the text has syntax errors: there is no diagram, the panel keeps its last one, marked stale. */
  parses: boolean;
  /** Every system of the file, in source order, for the picker. */
  systems: string[];
  /** The system drawn. */
  system?: string;
  /** SVG without its <style>: the panel loads the theme from dist/diagram.css. */
  svg?: string;
  elements: PreviewElement[];
  layout?: PreviewLayout;
  /** A sentence for the user, such as why a simple layout is shown. */
  note?: string;
  /** Why there is no diagram, in words for the user. */
  error?: string;
}

/** `sysd/previewDiagram`: one system of a document drawn for the preview. */
export const PreviewDiagramRequest = request<PreviewDiagramParams, PreviewDiagramResult>('sysd/previewDiagram');

/** What the webview keeps across a reload (webview state) and VS Code restores through the serializer. */
export interface PreviewState {
  uri: string;
  system?: string;
  zoom: number;
  x: number;
  y: number;
  /** The components, zones and regions failed in the what-if. */
  failed: string[];
  /** Whether the what-if list is open. */
  whatIfOpen: boolean;
}

/** The outcome of a what-if as the panel shows it: names and text from core, nothing to compute. */
export interface PreviewWhatIf {
  failed: string[];
  /** One line, such as "zone use1-a down: shoppers still served; api at 120% of capacity". */
  summary: string;
  /** Components, zones and regions lost under the failure: the panel greys them. */
  lost: string[];
  /** The new figures line of each component that has one, by name. */
  figures: Record<string, string>;
  /** The new system line (availability under the failure). */
  systemFigures?: string;
}

// ── extension host → webview ────────────────────────────────────────────────

export interface DiagramMessage {
  type: 'diagram';
  uri: string;
  fileName: string;
  result: PreviewDiagramResult;
  /** Shown as text: the file still has syntax errors and this is its last good diagram. */
  stale: boolean;
}
export interface StaleMessage {
  type: 'stale';
  /** The version that does not parse; the diagram stays at its own. */
  version: number;
}
export interface CursorMessage {
  type: 'cursor';
  version: number;
  offset: number;
}
export interface WhatIfResultMessage {
  type: 'whatIf';
  /** Absent when the what-if was cleared or could not be computed. */
  result?: PreviewWhatIf;
  error?: string;
}
export interface SettingsMessage {
  type: 'settings';
  reducedMotion: boolean;
  /** The theme stylesheet's text, for exports: a saved SVG or PNG carries its own style. */
  exportCss: string;
}
export interface ErrorMessage {
  type: 'error';
  message: string;
}
export type HostMessage = DiagramMessage | StaleMessage | CursorMessage | WhatIfResultMessage | SettingsMessage | ErrorMessage;

// ── webview → extension host (validated by client/preview/validate.ts) ───────

export interface ReadyMessage {
  type: 'ready';
}
export interface RevealMessage {
  type: 'reveal';
  /** The version of the diagram the range belongs to: nothing is revealed when the text has moved on. */
  version: number;
  range: Span;
  /** The part to select, such as the name; inside `range`. */
  selection: Span;
}
export interface PickSystemMessage {
  type: 'pickSystem';
  system: string;
}
export interface WhatIfRequestMessage {
  type: 'whatIf';
  /** Empty clears the what-if. */
  failed: string[];
}
export interface ExportMessage {
  type: 'export';
  format: 'svg' | 'png';
  /** The SVG text, or the PNG as a `data:image/png;base64,` URL. */
  data: string;
}
export interface StateMessage {
  type: 'state';
  state: PreviewState;
}
export type WebviewMessage = ReadyMessage | RevealMessage | PickSystemMessage | WhatIfRequestMessage | ExportMessage | StateMessage;

/** Limits the host enforces on what the webview sends. */
export const PREVIEW_LIMITS = {
  /** Names in one what-if. */
  failed: 10_000,
  name: 256,
  /** An exported image or SVG, in characters. */
  exportChars: 64 * 1024 * 1024,
} as const;

/** The view type of the panel, for the serializer and activation. */
export const PREVIEW_VIEW_TYPE = 'sysd.preview';
