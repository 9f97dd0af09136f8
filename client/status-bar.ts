/**
 * The status bar item: the availability of the active file's systems against
 * their objectives, from the server's `sysd/status` notifications. Hidden
 * when the active editor is not a sysd file.
 */
import * as vscode from 'vscode';
import type { StatusParams } from '../protocol/requests';
import { statusText } from './status-text';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sysd.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'sysd availability';
    this.item.command = 'sysd.showReport';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.byUri.delete(doc.uri.toString())),
    );
    this.render();
  }

  update(params: StatusParams): void {
    this.byUri.set(params.uri, params);
    this.render();
  }

  /** The systems of a document as last reported, for commands that need a choice. */
  systemsOf(uri: string): string[] {
    return this.byUri.get(uri)?.systems.map((s) => s.name) ?? [];
  }

  private render(): void {
    const editor = vscode.window.activeTextEditor;
    const status = editor?.document.languageId === 'sysd' ? this.byUri.get(editor.document.uri.toString()) : undefined;
    if (!status) {
      this.item.hide();
      return;
    }
    const { text, tooltip, attention } = statusText(status);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = attention ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
