/**
 * `sysd.preview.openOnStartup`: when it is on, the first sysd editor shown
 * after the extension starts gets its preview beside it, once. `npm start`
 * turns it on in its throw-away user settings so that the editor opens on the
 * checkout example with its diagram; VS Code has no command-line switch that
 * runs a command at start-up, and people who want it can set it too.
 */
import * as vscode from 'vscode';

export function openPreviewOnStartup(): vscode.Disposable {
  if (!vscode.workspace.getConfiguration('sysd').get<boolean>('preview.openOnStartup', false)) return new vscode.Disposable(() => undefined);
  let done = false;
  const open = (editor: vscode.TextEditor | undefined): void => {
    if (done || editor?.document.languageId !== 'sysd') return;
    done = true;
    listener.dispose();
    void vscode.commands.executeCommand('sysd.openPreview', editor.document.uri);
  };
  const listener = vscode.window.onDidChangeActiveTextEditor(open);
  open(vscode.window.activeTextEditor);
  return listener;
}
