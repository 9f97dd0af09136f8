/**
 * The sysd language server. This file wires LSP to the features: every
 * handler is guarded so that no request, however malformed, can take the
 * server down, and each feature reads a Snapshot from the document store.
 * Run with `--stdio` (tests, other editors) or under VS Code over IPC.
 */
import {
  CodeActionKind, DidChangeWatchedFilesNotification, ProposedFeatures, ResponseError, TextDocumentSyncKind, createConnection,
  type CancellationToken, type InitializeError, type InitializeResult,
} from 'vscode-languageserver/node';
import { Lifecycle } from './lifecycle';
import { ExportSvgRequest, ReportRequest, StatusNotification } from '../protocol/requests';
import { WhatIfRequest } from '../protocol/what-if';
import { PreviewDiagramRequest } from '../protocol/preview';
import { onRequest, sendNotification } from './protocol-binding';
import { analyseSafely } from './analyse';
import { DocumentStore, type Snapshot } from './documents';
import { codeActions } from './features/code-actions';
import { codeLenses } from './features/code-lens';
import { completion } from './features/completion';
import { diagnosticsOf } from './features/diagnostics';
import { disposeLayouter, exportSvg } from './features/export-svg';
import { foldingRanges } from './features/folding';
import { formatting } from './features/formatting';
import { hoverAt } from './features/hover';
import { inlayHints } from './features/inlay-hints';
import { definition, highlights, prepareRename, references, rename } from './features/navigation';
import { forgetPreview, previewDiagram } from './features/preview';
import { reportMarkdown } from './features/report';
import { LEGEND, semanticTokens } from './features/semantic-tokens';
import { statusOf } from './features/status';
import { declarationsOf, documentSymbols, workspaceSymbols } from './features/symbols';
import { WHAT_IF_FAILED, whatIfRequest } from './features/what-if';
import { WorkspaceFiles } from './workspace-files';
import { VERSION } from '../core/version';

const connection = createConnection(ProposedFeatures.all);
const log = (message: string) => {
  try {
    connection.console.error(message);
  } catch {
    // The connection may already be gone; there is nowhere left to report to.
  }
};

process.on('uncaughtException', (error) => log(`sysd: uncaught ${error?.stack ?? error}`));
process.on('unhandledRejection', (reason) => log(`sysd: unhandled rejection ${String(reason)}`));

const lifecycle = new Lifecycle();
const workspaceFiles = new WorkspaceFiles(undefined, log);
let watchFiles = false;
let refresh = { inlayHints: false, codeLens: false, semanticTokens: false };

const store = new DocumentStore(
  (text, isCancelled) => analyseSafely(text, isCancelled, log),
  (snapshot) => {
    void sendNotification(connection, StatusNotification, statusOf(snapshot));
    void connection.sendDiagnostics({ uri: snapshot.uri, version: snapshot.version, diagnostics: diagnosticsOf(snapshot) });
    // Hints, lenses and tokens were asked for before this analysis finished; ask the client to ask again.
    if (refresh.inlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (refresh.codeLens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    if (refresh.semanticTokens) void connection.languages.semanticTokens.refresh();
  },
  log,
);

/**
 * Wraps a handler so that any exception (bad params, a bug in a feature)
 * becomes a logged message and a harmless empty answer, and so that a
 * request the lifecycle refuses, or one cancelled before it ran, never runs.
 */
function guard<P, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
    const refused = lifecycle.refusal(token);
    if (refused) return refused;
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) return error;
      log(`sysd: ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  };
}

type At = { textDocument: { uri: string }; position: { line: number; character: number } };

/** The last analysis and the cursor offset in its text (features that may be a few keystrokes behind). */
function latestAt(params: At): { snapshot: Snapshot; offset: number } | undefined {
  const snapshot = store.latest(params.textDocument.uri);
  return snapshot && { snapshot, offset: snapshot.lines.offset(params.position) };
}

/** The analysis of the current text (features whose answer edits or must be exact). */
function freshAt(params: At): { snapshot: Snapshot; offset: number } | undefined {
  const snapshot = store.fresh(params.textDocument.uri);
  return snapshot && { snapshot, offset: snapshot.lines.offset(params.position) };
}

connection.onInitialize((params): InitializeResult | ResponseError<InitializeError> => {
  const refused = lifecycle.initialize();
  if (refused) return refused;
  const workspace = params.capabilities?.workspace;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFiles.setFolders(folders);
  watchFiles = !!workspace?.didChangeWatchedFiles?.dynamicRegistration;
  refresh = {
    inlayHints: !!workspace?.inlayHint?.refreshSupport,
    codeLens: !!workspace?.codeLens?.refreshSupport,
    semanticTokens: !!workspace?.semanticTokens?.refreshSupport,
  };
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      // Not the space: typing indentation must not pop up a list; word characters trigger completion anyway.
      completionProvider: { triggerCharacters: ['>', ':', ',', '|'] },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      semanticTokensProvider: { legend: LEGEND, full: true },
      documentFormattingProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      codeLensProvider: { resolveProvider: false },
      inlayHintProvider: true,
    },
    serverInfo: { name: 'sysd', version: VERSION },
  };
});

connection.onDidOpenTextDocument((p) => {
  if (!lifecycle.accepting) return;
  try {
    store.open(p.textDocument.uri, p.textDocument.version, p.textDocument.text);
  } catch (error) {
    log(`sysd: didOpen failed: ${String(error)}`);
  }
});
connection.onDidChangeTextDocument((p) => {
  if (!lifecycle.accepting) return;
  try {
    store.change(p.textDocument.uri, p.textDocument.version ?? 0, p.contentChanges);
  } catch (error) {
    log(`sysd: didChange failed: ${String(error)}`);
  }
});
connection.onDidCloseTextDocument((p) => {
  if (!lifecycle.accepting) return;
  try {
    store.close(p.textDocument.uri);
    forgetPreview(p.textDocument.uri);
    void connection.sendDiagnostics({ uri: p.textDocument.uri, diagnostics: [] });
  } catch (error) {
    log(`sysd: didClose failed: ${String(error)}`);
  }
});

connection.onHover(guard('hover', null, (p) => {
  const at = latestAt(p);
  return at ? hoverAt(at.snapshot, at.offset) : null;
}));
connection.onCompletion(guard('completion', [], (p) => {
  const doc = store.document(p.textDocument.uri);
  if (!doc) return [];
  return completion(doc.getText(), doc.offsetAt(p.position), store.latest(p.textDocument.uri));
}));
connection.onDefinition(guard('definition', [], (p) => {
  const at = freshAt(p);
  return at ? definition(at.snapshot, at.offset) : [];
}));
connection.onReferences(guard('references', [], (p) => {
  const at = freshAt(p);
  return at ? references(at.snapshot, at.offset, p.context?.includeDeclaration ?? true) : [];
}));
// Highlights follow every cursor move, so they must never wait for an analysis.
connection.onDocumentHighlight(guard('highlight', [], (p) => {
  const at = latestAt(p);
  return at ? highlights(at.snapshot, at.offset) : [];
}));
connection.onPrepareRename(guard('prepareRename', null, (p) => {
  const at = freshAt(p);
  return at ? prepareRename(at.snapshot, at.offset) : null;
}));
connection.onRenameRequest(guard('rename', null, (p) => {
  const at = freshAt(p);
  if (!at) return null;
  const result = rename(at.snapshot, at.offset, p.newName);
  if ('error' in result) throw new ResponseError(-32803, result.error);
  return result;
}));
connection.onDocumentSymbol(guard('documentSymbol', [], (p) => {
  const snapshot = store.latest(p.textDocument.uri);
  return snapshot ? documentSymbols(snapshot) : [];
}));
connection.onWorkspaceSymbol(guard('workspaceSymbol', [], (p) => {
  // Open documents from their last analysis; the other files from the workspace index, never walked here.
  const open = store.uris().flatMap((uri) => store.latest(uri) ?? []).map((s) => declarationsOf({ uri: s.uri, lines: s.lines, ast: s.analysis.ast }));
  return workspaceSymbols([...open, ...workspaceFiles.symbols(new Set(store.uris()))], typeof p.query === 'string' ? p.query : '');
}));
connection.onDidChangeWatchedFiles((p) => {
  if (lifecycle.accepting && Array.isArray(p?.changes)) workspaceFiles.changed(p.changes);
});
connection.onInitialized(() => {
  // The index is walked once; after that the editor's watcher reports changes to .sysd files.
  if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.sysd' }] }).catch(() => undefined);
});
connection.onFoldingRanges(guard('folding', [], (p) => {
  const snapshot = store.latest(p.textDocument.uri);
  return snapshot ? foldingRanges(snapshot) : [];
}));
connection.languages.semanticTokens.on(guard('semanticTokens', { data: [] }, (p) => {
  const snapshot = store.latest(p.textDocument.uri);
  return snapshot ? semanticTokens(snapshot) : { data: [] };
}));
connection.onDocumentFormatting(guard('formatting', [], (p) => {
  const snapshot = store.fresh(p.textDocument.uri);
  return snapshot ? formatting(snapshot) : [];
}));
connection.onCodeAction(guard('codeAction', [], (p) => {
  const snapshot = store.fresh(p.textDocument.uri);
  return snapshot ? codeActions(snapshot, p.context?.diagnostics ?? []) : [];
}));
connection.onCodeLens(guard('codeLens', [], (p) => {
  const snapshot = store.latest(p.textDocument.uri);
  return snapshot ? codeLenses(snapshot) : [];
}));
connection.languages.inlayHint.on(guard('inlayHint', [], (p) => {
  const snapshot = store.latest(p.textDocument.uri);
  return snapshot ? inlayHints(snapshot, p.range) : [];
}));
onRequest(connection, ReportRequest, guard('report', { markdown: '' }, (p) => {
  const snapshot = store.fresh(p.uri);
  if (!snapshot) return { markdown: `The document ${p.uri} is not open.` };
  return { markdown: reportMarkdown(snapshot, decodeURIComponent(p.uri.split('/').pop() ?? p.uri)) };
}));
onRequest(connection, ExportSvgRequest, guard('exportSvg', { error: 'SVG export failed; see the sysd output channel.' }, (p, token) =>
  exportSvg(store.fresh(p.uri), p, () => token.isCancellationRequested)));
// What-if answers from the last completed analysis: the preview toggles while the user types.
onRequest(connection, WhatIfRequest, guard('whatIf', WHAT_IF_FAILED, (p, token) =>
  whatIfRequest(store.latest(p.uri) ?? store.fresh(p.uri), p, () => token.isCancellationRequested)));
// The preview asks after every analysis; it draws the last one, so it never waits for the next.
onRequest(connection, PreviewDiagramRequest, guard('previewDiagram',
  { uri: '', version: -1, parses: true, systems: [], elements: [], error: 'The preview failed; see the sysd output channel.' },
  (p, token) => previewDiagram(typeof p?.uri === 'string' ? store.latest(p.uri) : undefined, { uri: String(p?.uri ?? ''), system: typeof p?.system === 'string' ? p.system : undefined, full: p?.full === true }, () => token.isCancellationRequested)));
connection.onShutdown(() => {
  lifecycle.shutdown();
  disposeLayouter();
});

connection.listen();
