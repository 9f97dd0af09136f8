/**
 * "Show Report" renders core's markdown report (the text `sysd report
 * --format markdown` prints) in VS Code's markdown preview. The report is a
 * read-only virtual document of the `sysd-report:` scheme, so it is never an
 * untitled buffer that asks to be saved when the window closes. The preview
 * follows edits: a change to the source file refreshes the document after a
 * short pause.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportRequest } from '../protocol/requests';
import { sendRequest } from './protocol-binding';

export const REPORT_SCHEME = 'sysd-report';
const REFRESH_AFTER_MS = 400;

/** The virtual document of a source file's report: `sysd-report:/<name>.md?<source uri>`. */
export function reportUri(source: vscode.Uri): vscode.Uri {
  const name = source.path.split('/').pop() || 'report';
  return vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name} report.md`, query: source.toString() });
}

class ReportProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly shown = new Map<string, vscode.Uri>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly client: LanguageClient) {
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      const source = event.document.uri.toString();
      const report = this.shown.get(source);
      if (!report) return;
      clearTimeout(this.timers.get(source));
      this.timers.set(source, setTimeout(() => this.changed.fire(report), REFRESH_AFTER_MS));
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    this.shown.set(uri.query, uri);
    const result = await sendRequest(this.client, ReportRequest, { uri: uri.query });
    return result.markdown;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.subscription.dispose();
    this.changed.dispose();
  }
}

let provider: { client: LanguageClient; registration: vscode.Disposable; provider: ReportProvider } | undefined;

/** Registers the provider on first use, for the client of this activation. */
function ensureProvider(client: LanguageClient): ReportProvider {
  if (provider?.client !== client) {
    provider?.registration.dispose();
    provider?.provider.dispose();
    const p = new ReportProvider(client);
    provider = { client, provider: p, registration: vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, p) };
  }
  return provider.provider;
}

/** Opens (or refreshes) the rendered report of `source` beside the editor. */
export async function showReportPreview(client: LanguageClient, source: vscode.Uri): Promise<void> {
  const p = ensureProvider(client);
  const uri = reportUri(source);
  // An already open preview of the same report shows the new text rather than a stale one.
  p.changed.fire(uri);
  await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
}

