/**
 * `sysd.openExample` (the walkthrough's first step): picks one of the models
 * in the extension's examples/ folder and opens a copy of it as an untitled
 * file, so that trying things never edits the installed extension.
 */
import * as vscode from 'vscode';

/** The first comment lines of a model, as its description in the picker. */
function summary(text: string): string {
  const lines = text.split('\n');
  const comment = lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/\s?/, '')).join(' ');
  return comment.length > 120 ? `${comment.slice(0, 117)}…` : comment;
}

async function openExample(extensionUri: vscode.Uri, name?: string): Promise<void> {
  const folder = vscode.Uri.joinPath(extensionUri, 'examples');
  const files = (await vscode.workspace.fs.readDirectory(folder)).map(([file]) => file).filter((file) => file.endsWith('.sysd')).sort();
  const read = async (file: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, file)));
  let chosen = name && files.includes(name) ? name : undefined;
  if (!chosen) {
    const items = await Promise.all(files.map(async (file) => ({ label: file, detail: summary(await read(file)) })));
    chosen = (await vscode.window.showQuickPick(items, { placeHolder: 'Which example should open?' }))?.label;
  }
  if (!chosen) return;
  const document = await vscode.workspace.openTextDocument({ language: 'sysd', content: await read(chosen) });
  await vscode.window.showTextDocument(document);
}

export function registerOpenExample(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand('sysd.openExample', (name?: unknown) =>
    openExample(context.extensionUri, typeof name === 'string' ? name : undefined));
}
