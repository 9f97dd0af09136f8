/**
 * Saving what the panel shows: the webview serialises the current view (SVG
 * text with the theme's style inside, or a PNG it drew on a canvas) and the
 * host asks where to put it. The data was validated (validate.ts) before it
 * gets here.
 */
import * as vscode from 'vscode';

export async function saveExport(uri: string | undefined, system: string | undefined, format: 'svg' | 'png', data: string): Promise<void> {
  const source = uri ? vscode.Uri.parse(uri, true) : undefined;
  const base = source ? source.path.replace(/\.sysd$/, '') : '/diagram';
  const suggested = `${base}${system ? `-${system}` : ''}.${format}`;
  const target = await vscode.window.showSaveDialog({
    defaultUri: source ? source.with({ path: suggested }) : undefined,
    filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] },
  });
  if (!target) return;
  const bytes = format === 'svg'
    ? new TextEncoder().encode(data)
    : Uint8Array.from(Buffer.from(data.slice(data.indexOf(',') + 1), 'base64'));
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(`sysd: diagram saved to ${vscode.workspace.asRelativePath(target)}.`);
}
