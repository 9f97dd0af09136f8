/**
 * The commands: `sysd.showReport` opens the server's markdown report in a new
 * editor, `sysd.exportSvg` saves the server's SVG of a system, and
 * `sysd.openPreview` opens the preview panel (client/preview/panel.ts) beside
 * the editor, from the palette, the editor-title icon or the code lens (which
 * passes the document and the system).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportSvgRequest, ReportRequest } from '../protocol/requests';
import { sendRequest } from './protocol-binding';
import type { PreviewController } from './preview/panel';
import type { StatusBar } from './status-bar';
import { showReportPreview } from './report-view';

/** The document a command is about: its argument (from a code lens) or the active sysd editor. */
function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') {
    try {
      return vscode.Uri.parse(arg, true);
    } catch {
      return undefined;
    }
  }
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'sysd' ? editor.document.uri : undefined;
}

async function showReport(client: LanguageClient, arg: unknown): Promise<void> {
  const uri = targetUri(arg);
  if (!uri) {
    void vscode.window.showInformationMessage('Open a .sysd file to see its report.');
    return;
  }
  // Rendered in the markdown preview of a read-only virtual document (client/report-view.ts).
  await showReportPreview(client, uri);
}

async function exportSvg(client: LanguageClient, status: StatusBar, arg: unknown, systemArg: unknown): Promise<void> {
  const uri = targetUri(arg);
  if (!uri) {
    void vscode.window.showInformationMessage('Open a .sysd file to export its diagram.');
    return;
  }
  let system = typeof systemArg === 'string' ? systemArg : undefined;
  const systems = status.systemsOf(uri.toString());
  if (!system && systems.length > 1) {
    system = await vscode.window.showQuickPick(systems, { placeHolder: 'Which system should be exported?' });
    if (!system) return;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'sysd: drawing the diagram…' },
    () => sendRequest(client, ExportSvgRequest, { uri: uri.toString(), system }),
  );
  if (!result.svg) {
    void vscode.window.showErrorMessage(result.error ?? 'sysd: the diagram could not be exported.');
    return;
  }
  const base = uri.path.replace(/\.sysd$/, '');
  const target = await vscode.window.showSaveDialog({
    defaultUri: uri.with({ path: `${base}${system ? `-${system}` : ''}.svg` }),
    filters: { SVG: ['svg'] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.svg));
  const saved = `sysd: diagram saved to ${vscode.workspace.asRelativePath(target)}.`;
  if (result.warning) void vscode.window.showWarningMessage(`${saved} ${result.warning}`);
  else void vscode.window.showInformationMessage(saved);
}

export function registerCommands(client: LanguageClient, status: StatusBar, preview: PreviewController): vscode.Disposable {
  const report = (error: unknown) => void vscode.window.showErrorMessage(`sysd: ${error instanceof Error ? error.message : String(error)}`);
  return vscode.Disposable.from(
    vscode.commands.registerCommand('sysd.showReport', (arg?: unknown) => showReport(client, arg).catch(report)),
    vscode.commands.registerCommand('sysd.exportSvg', (arg?: unknown, system?: unknown) => exportSvg(client, status, arg, system).catch(report)),
    vscode.commands.registerCommand('sysd.openPreview', (arg?: unknown, system?: unknown) =>
      preview.open(targetUri(arg)?.toString(), typeof system === 'string' ? system : undefined)),
  );
}
