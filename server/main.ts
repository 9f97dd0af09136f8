/**
 * The sysd language server. This file wires LSP to the features: every
 * handler is guarded so that no request, however malformed, can take the
 * server down, and each feature is answered by the analysis worker that holds
 * the document's snapshot (server/documents.ts, server/analysis-pool.ts).
 * Run with `--stdio` (tests, other editors) or under VS Code over IPC.
 */
import {
  CodeActionKind, DidChangeWatchedFilesNotification, ProposedFeatures, ResponseError, TextDocumentSyncKind, createConnection,
  type CancellationToken, type InitializeError, type InitializeResult,
} from 'vscode-languageserver/node';
import { ExportSvgRequest, ReportRequest, StatusNotification } from '../protocol/requests';
import { WhatIfRequest } from '../protocol/what-if';
import { PreviewDiagramRequest } from '../protocol/preview';
import { AnalysisPool } from './analysis-pool';
import { analysisWorkerScript } from './analysis-worker-script';
import { DocumentStore } from './documents';
import { LEGEND } from './features/semantic-tokens';
import { workspaceSymbols } from './features/symbols';
import { WHAT_IF_FAILED, whatIfRequest } from './features/what-if';
import { Lifecycle } from './lifecycle';
import { onRequest, sendNotification } from './protocol-binding';
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

const lifecycle = new Lifecycle();
const workspaceFiles = new WorkspaceFiles(undefined, log);
let watchFiles = false;
let refresh = { inlayHints: false, codeLens: false, semanticTokens: false };

// Analyses run in worker threads; the main thread only routes messages, so it answers at once (docs/ARCHITECTURE.md).
const pool = new AnalysisPool(analysisWorkerScript(), log, (slot) => store.lost(slot));
/** How long `initialize` waits at most for the analysis workers to load and warm up. */
const WORKER_START_WAIT_MS = 10_000;
const store = new DocumentStore(
  pool,
  (analysed) => {
    void sendNotification(connection, StatusNotification, analysed.status);
    void connection.sendDiagnostics({ uri: analysed.uri, version: analysed.version, diagnostics: analysed.diagnostics });
    // Hints, lenses and tokens were asked for before this analysis finished; ask the client to ask again.
    if (refresh.inlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (refresh.codeLens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    if (refresh.semanticTokens) void connection.languages.semanticTokens.refresh();
  },
  log,
);

// A bug that escaped every handler leaves the main thread in a state nobody checked: say so, and restart the
// workers, so every document is analysed again from its text rather than served from what may be inconsistent.
process.on('uncaughtException', (error) => {
  log(`sysd: uncaught exception, restarting the analysis workers: ${error?.stack ?? error}`);
  pool.restartAll('the server had an uncaught exception');
});
process.on('unhandledRejection', (reason) => log(`sysd: unhandled rejection ${reason instanceof Error ? reason.stack : String(reason)}`));

/** Fault injection for the resilience tests: with `SYSD_FAULT=main-uncaught:<marker>`, an edit whose text has the marker throws outside any handler. */
const mainFault = process.env.SYSD_FAULT?.startsWith('main-uncaught:') ? process.env.SYSD_FAULT.slice('main-uncaught:'.length) : undefined;

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

type Uri = { textDocument: { uri: string } };
const uriOf = (p: Uri) => p.textDocument.uri;

connection.onInitialize(async (params): Promise<InitializeResult | ResponseError<InitializeError>> => {
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
  // The first analysis should not wait for a thread to load its code: the client waits for this answer anyway.
  await pool.ready(WORKER_START_WAIT_MS);
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
    if (mainFault && store.document(p.textDocument.uri)?.getText().includes(mainFault)) {
      setImmediate(() => {
        throw new Error(`injected fault (${mainFault})`);
      });
    }
  } catch (error) {
    log(`sysd: didChange failed: ${String(error)}`);
  }
});
connection.onDidCloseTextDocument((p) => {
  if (!lifecycle.accepting) return;
  try {
    store.close(p.textDocument.uri);
    void connection.sendDiagnostics({ uri: p.textDocument.uri, diagnostics: [] });
  } catch (error) {
    log(`sysd: didClose failed: ${String(error)}`);
  }
});

// Features that may be a few keystrokes behind answer from the last good analysis at once: hover, completion,
// highlights (they follow every cursor move), symbols, folding, tokens, lenses, hints, what-if.
// Features whose answer edits the text or must be exact wait for the current version's analysis.
connection.onHover(guard('hover', null, async (p, token) =>
  (await store.query(uriOf(p), 'hover', p, { isCancelled: () => token.isCancellationRequested })) ?? null));
connection.onCompletion(guard('completion', [], async (p, token) => {
  const doc = store.document(uriOf(p));
  if (!doc) return [];
  const params = { text: doc.getText(), offset: doc.offsetAt(p.position) };
  return (await store.query(uriOf(p), 'completion', params, { isCancelled: () => token.isCancellationRequested })) ?? [];
}));
connection.onDefinition(guard('definition', [], async (p) => (await store.query(uriOf(p), 'definition', p, { fresh: true })) ?? []));
connection.onReferences(guard('references', [], async (p) => (await store.query(uriOf(p), 'references', p, { fresh: true })) ?? []));
connection.onDocumentHighlight(guard('highlight', [], async (p) => (await store.query(uriOf(p), 'highlights', p)) ?? []));
connection.onPrepareRename(guard('prepareRename', null, async (p) => (await store.query(uriOf(p), 'prepareRename', p, { fresh: true })) ?? null));
connection.onRenameRequest(guard('rename', null, async (p) => {
  const result = await store.query(uriOf(p), 'rename', p, { fresh: true });
  if (result && 'error' in result) throw new ResponseError(-32803, String(result.error));
  return result ?? null;
}));
connection.onDocumentSymbol(guard('documentSymbol', [], async (p) => (await store.query(uriOf(p), 'documentSymbols', p)) ?? []));
connection.onWorkspaceSymbol(guard('workspaceSymbol', [], async (p) => {
  const query = typeof p.query === 'string' ? p.query : '';
  // Open documents from the workers holding their last analysis; the other files from the workspace index, never walked here.
  const open = await store.symbols<ReturnType<typeof workspaceSymbols>[number]>(query);
  return workspaceSymbols([open, ...workspaceFiles.symbols(new Set(store.uris()))], query);
}));
connection.onDidChangeWatchedFiles((p) => {
  if (lifecycle.accepting && Array.isArray(p?.changes)) workspaceFiles.changed(p.changes);
});
connection.onInitialized(() => {
  // The index is walked once; after that the editor's watcher reports changes to .sysd files.
  if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.sysd' }] }).catch(() => undefined);
});
connection.onFoldingRanges(guard('folding', [], async (p) => (await store.query(uriOf(p), 'folding', p)) ?? []));
connection.languages.semanticTokens.on(guard('semanticTokens', { data: [] }, async (p) => (await store.query(uriOf(p), 'semanticTokens', p)) ?? { data: [] }));
connection.onDocumentFormatting(guard('formatting', [], async (p) => (await store.query(uriOf(p), 'formatting', p, { fresh: true })) ?? []));
connection.onCodeAction(guard('codeAction', [], async (p) => (await store.query(uriOf(p), 'codeActions', p, { fresh: true })) ?? []));
connection.onCodeLens(guard('codeLens', [], async (p) => (await store.query(uriOf(p), 'codeLens', p)) ?? []));
connection.languages.inlayHint.on(guard('inlayHint', [], async (p) => (await store.query(uriOf(p), 'inlayHints', p)) ?? []));
onRequest(connection, ReportRequest, guard('report', { markdown: '' }, async (p) =>
  (await store.query(p.uri, 'report', p, { fresh: true })) ?? { markdown: `The document ${p.uri} is not open.` }));
onRequest(connection, ExportSvgRequest, guard('exportSvg', { error: 'SVG export failed; see the sysd output channel.' }, async (p, token) =>
  (await store.query(p.uri, 'exportSvg', p, { fresh: true, isCancelled: () => token.isCancellationRequested }))
    ?? { error: 'The document is not open in the sysd language server.' }));
// What-if answers from the last completed analysis: the preview toggles while the user types.
onRequest(connection, WhatIfRequest, guard('whatIf', WHAT_IF_FAILED, async (p, token) =>
  (await store.query(p.uri, 'whatIf', p, { isCancelled: () => token.isCancellationRequested })) ?? whatIfRequest(undefined, p)));
// The preview asks after every analysis; it draws the last one, so it never waits for the next.
onRequest(connection, PreviewDiagramRequest, guard('previewDiagram',
  { uri: '', version: -1, parses: true, systems: [], elements: [], error: 'The preview failed; see the sysd output channel.' },
  async (p, token) => (typeof p?.uri === 'string' ? await store.query(p.uri, 'previewDiagram', p, { isCancelled: () => token.isCancellationRequested }) : undefined)
    ?? { uri: String(p?.uri ?? ''), version: -1, parses: false, systems: [], elements: [], error: 'The document is not open in the sysd language server.' }));
connection.onShutdown(() => {
  lifecycle.shutdown();
  pool.dispose();
});

connection.listen();
