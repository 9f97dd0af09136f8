/**
 * The features an analysis worker answers from the snapshot it holds. Each
 * takes the snapshot, the request's parameters (plain data that crossed from
 * the main thread), a cancellation check and the worker's log, and returns an
 * LSP-shaped result. The main thread names a feature and passes the parameters
 * (server/documents.ts `query`); the types of both come from this table, so
 * a request and its answer are checked at compile time across the thread
 * boundary. A new feature that reads an analysis is added here.
 */
import type {
  CodeActionParams, CodeLensParams, DocumentFormattingParams, DocumentHighlightParams, DocumentSymbolParams,
  FoldingRangeParams, HoverParams, InlayHintParams, ReferenceParams, RenameParams, SemanticTokensParams,
  TextDocumentPositionParams,
} from 'vscode-languageserver';
import type { ExportSvgParams, ReportParams } from '../protocol/requests';
import type { WhatIfParams } from '../protocol/what-if';
import type { PreviewDiagramParams } from '../protocol/preview';
import { codeActions } from './features/code-actions';
import { codeLenses } from './features/code-lens';
import { completion } from './features/completion';
import { exportSvg } from './features/export-svg';
import { foldingRanges } from './features/folding';
import { formatting } from './features/formatting';
import { hoverAt } from './features/hover';
import { inlayHints } from './features/inlay-hints';
import { definition, highlights, prepareRename, references, rename } from './features/navigation';
import { reportMarkdown } from './features/report';
import { semanticTokens } from './features/semantic-tokens';
import { declarationsOf, documentSymbols, workspaceSymbols } from './features/symbols';
import { whatIfRequest } from './features/what-if';
import { previewDiagram } from './features/preview';
import type { Snapshot } from './snapshot';

const offsetOf = (s: Snapshot, p: TextDocumentPositionParams) => s.lines.offset(p.position);
const fileName = (uri: string) => decodeURIComponent(uri.split('/').pop() ?? uri);

export const FEATURES = {
  hover: (s: Snapshot, p: HoverParams) => hoverAt(s, offsetOf(s, p)),
  /** Completion reads the live text (sent along, since it may be ahead of the snapshot) and the snapshot's model. */
  completion: (s: Snapshot | undefined, p: { text: string; offset: number }) => completion(p.text, p.offset, s),
  definition: (s: Snapshot, p: TextDocumentPositionParams) => definition(s, offsetOf(s, p)),
  references: (s: Snapshot, p: ReferenceParams) => references(s, offsetOf(s, p), p.context?.includeDeclaration ?? true),
  highlights: (s: Snapshot, p: DocumentHighlightParams) => highlights(s, offsetOf(s, p)),
  prepareRename: (s: Snapshot, p: TextDocumentPositionParams) => prepareRename(s, offsetOf(s, p)),
  rename: (s: Snapshot, p: RenameParams) => rename(s, offsetOf(s, p), p.newName),
  documentSymbols: (s: Snapshot, _p: DocumentSymbolParams) => documentSymbols(s),
  folding: (s: Snapshot, _p: FoldingRangeParams) => foldingRanges(s),
  semanticTokens: (s: Snapshot, _p: SemanticTokensParams) => semanticTokens(s),
  formatting: (s: Snapshot, _p: DocumentFormattingParams) => formatting(s),
  codeActions: (s: Snapshot, p: CodeActionParams, _c: () => boolean, log: (message: string) => void) => codeActions(s, p.context?.diagnostics ?? [], log),
  codeLens: (s: Snapshot, _p: CodeLensParams) => codeLenses(s),
  inlayHints: (s: Snapshot, p: InlayHintParams) => inlayHints(s, p.range),
  report: (s: Snapshot, p: ReportParams) => ({ markdown: reportMarkdown(s, fileName(p.uri)) }),
  exportSvg: (s: Snapshot, p: ExportSvgParams, isCancelled: () => boolean) => exportSvg(s, p, isCancelled),
  whatIf: (s: Snapshot, p: WhatIfParams, isCancelled: () => boolean) => whatIfRequest(s, p, isCancelled),
  previewDiagram: (s: Snapshot, p: PreviewDiagramParams, isCancelled: () => boolean) =>
    previewDiagram(s, { uri: String(p?.uri ?? ''), system: typeof p?.system === 'string' ? p.system : undefined, full: p?.full === true }, isCancelled),
} satisfies Record<string, (s: Snapshot, params: never, isCancelled: () => boolean, log: (message: string) => void) => unknown>;

export type FeatureName = keyof typeof FEATURES;
export type FeatureParams<K extends FeatureName> = Parameters<(typeof FEATURES)[K]>[1];
export type FeatureResult<K extends FeatureName> = Awaited<ReturnType<(typeof FEATURES)[K]>>;

/** Features that answer without a snapshot (before the first analysis of a document ends). */
export const WITHOUT_SNAPSHOT: ReadonlySet<FeatureName> = new Set<FeatureName>(['completion']);

/** Workspace symbols over every document this worker holds. */
export function heldSymbols(snapshots: Iterable<Snapshot>, query: string) {
  return workspaceSymbols([...snapshots].map((s) => declarationsOf({ uri: s.uri, lines: s.lines, ast: s.analysis.ast })), query);
}
