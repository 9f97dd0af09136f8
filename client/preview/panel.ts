/**
 * The preview panel: one webview beside the editor that follows the active
 * sysd editor. After every analysis (the server's `sysd/status`) it asks the
 * server for the diagram of the version just analysed; while the text does
 * not parse it keeps the last good diagram, marked stale. Clicks in the
 * diagram reveal source (only if the text is still the version drawn), the
 * cursor highlights the element under it, and the what-if toggles go to the
 * server. Every message from the webview is validated (validate.ts); the
 * page itself is html.ts; the state survives reloads through the serializer.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { themeCss } from '../../core/diagram/theme';
import {
  PREVIEW_VIEW_TYPE, PreviewDiagramRequest, type HostMessage, type PreviewDiagramResult, type PreviewState, type WebviewMessage,
} from '../../protocol/preview';
import { sendRequest } from '../protocol-binding';
import { saveExport } from './export';
import { previewHtml } from './html';
import { parseState, parseWebviewMessage } from './validate';
import { WhatIfRequest } from '../../protocol/what-if';
import { previewWhatIf, whatIfParams } from './what-if';

const isSysd = (doc: vscode.TextDocument | undefined): doc is vscode.TextDocument => doc?.languageId === 'sysd';

export class PreviewController implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private uri: string | undefined;
  private system: string | undefined;
  private failed: string[] = [];
  /** The last diagram that parsed, per document: shown (stale) while the text does not parse. */
  private lastGood: PreviewDiagramResult | undefined;
  /** Requests are answered in any order; only the newest one's answer is shown. */
  private sequence = 0;
  private inflight: vscode.CancellationTokenSource | undefined;
  /** The page was (re)loaded and shows nothing yet: a stale answer must bring the last good diagram. */
  private pageEmpty = true;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly log: (message: string) => void,
  ) {
    this.subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, raw) => this.adopt(panel, parseState(raw)),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && isSysd(editor?.document) && editor.document.uri.toString() !== this.uri) this.follow(editor.document.uri.toString(), undefined, []);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        const doc = event.textEditor.document;
        if (!this.panel || doc.uri.toString() !== this.uri) return;
        this.post({ type: 'cursor', version: doc.version, offset: doc.offsetAt(event.selections[0].active) });
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sysd.preview.reducedMotion')) this.sendSettings();
      }),
    );
  }

  /** `sysd.openPreview`: the panel beside the editor, showing `uri` (the active sysd editor when absent). */
  open(uri: string | undefined, system: string | undefined): void {
    const target = uri ?? (isSysd(vscode.window.activeTextEditor?.document) ? vscode.window.activeTextEditor!.document.uri.toString() : undefined);
    if (!target) {
      void vscode.window.showInformationMessage('Open a .sysd file to preview its diagram.');
      return;
    }
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'sysd preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.options());
      this.adopt(panel, undefined);
    } else {
      this.panel.reveal(undefined, true);
    }
    this.follow(target, system, target === this.uri ? this.failed : []);
  }

  /** After every analysis: redraw if it is the document shown. */
  onAnalysed(uri: string): void {
    if (this.panel && uri === this.uri) void this.refresh();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist')] };
  }

  private adopt(panel: vscode.WebviewPanel, state: PreviewState | undefined): void {
    this.panel = panel;
    panel.webview.options = this.options();
    const dist = (file: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', file)).toString();
    const nonce = [...crypto.getRandomValues(new Uint8Array(18))].map((b) => b.toString(16).padStart(2, '0')).join('');
    panel.webview.html = previewHtml({ cspSource: panel.webview.cspSource, nonce, script: dist('webview.js'), styles: [dist('diagram.css'), dist('preview.css')] });
    this.panelSubscriptions.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseWebviewMessage(raw);
        if (!message) {
          this.log('sysd: the preview sent a message that is not valid; it was ignored.');
          return;
        }
        void this.handle(message).catch((error) => this.log(`sysd: preview: ${error instanceof Error ? error.message : String(error)}`));
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.uri = undefined;
        this.lastGood = undefined;
        for (const s of this.panelSubscriptions) s.dispose();
        this.panelSubscriptions = [];
      }),
    );
    if (state) {
      this.uri = state.uri;
      this.system = state.system;
      this.failed = state.failed;
    }
  }

  private follow(uri: string, system: string | undefined, failed: string[]): void {
    const same = uri === this.uri;
    if (!same) {
      this.lastGood = undefined;
      this.pageEmpty = true;
    }
    this.system = system ?? (same ? this.system : undefined);
    this.uri = uri;
    this.failed = failed;
    void this.refresh();
  }

  private post(message: HostMessage): void {
    void this.panel?.webview.postMessage(message);
  }

  private sendSettings(): void {
    const reducedMotion = vscode.workspace.getConfiguration('sysd').get<boolean>('preview.reducedMotion', false);
    this.post({ type: 'settings', reducedMotion, exportCss: themeCss() });
  }

  /** Redraws; a failure is logged, never thrown at VS Code. */
  private refresh(full = false): Promise<void> {
    return this.draw(full).catch((error) => this.log(`sysd: preview: ${error instanceof Error ? error.message : String(error)}`));
  }

  private async draw(full: boolean): Promise<void> {
    const uri = this.uri;
    if (!uri || !this.panel) return;
    const sequence = ++this.sequence;
    // A redraw replaces the one in flight: the server drops it (and abandons its layout) rather than finish it first.
    this.inflight?.cancel();
    this.inflight?.dispose();
    const cancel = new vscode.CancellationTokenSource();
    this.inflight = cancel;
    let result: PreviewDiagramResult;
    try {
      result = await sendRequest(this.client, PreviewDiagramRequest, { uri, system: this.system, full }, cancel.token);
    } catch (error) {
      if (cancel.token.isCancellationRequested) return;
      throw error;
    }
    if (sequence !== this.sequence || uri !== this.uri) return;
    const fileName = decodeURIComponent(uri.split('/').pop() ?? uri);
    if (!result.parses && result.version >= 0) {
      if (this.lastGood && this.pageEmpty) {
        this.post({ type: 'diagram', uri, fileName, stale: true, result: this.lastGood });
        this.pageEmpty = false;
      } else if (this.lastGood) this.post({ type: 'stale', version: result.version });
      else this.post({ type: 'diagram', uri, fileName, stale: true, result: { ...result, error: 'The file does not parse yet; the diagram appears once it does.' } });
      return;
    }
    if (result.svg) this.lastGood = result;
    if (result.system) this.system = result.system;
    this.panel.title = `Preview ${fileName}${result.systems.length > 1 && result.system ? ` · ${result.system}` : ''}`;
    this.post({ type: 'diagram', uri, fileName, stale: false, result });
    this.pageEmpty = !result.svg;
    if (this.failed.length) await this.whatIf(this.failed);
    // The simple layout was shown to be quick; now ask for ELK's, unless a newer version is on its way.
    if (result.layout === 'fallback' && !full && sequence === this.sequence) await this.refresh(true);
  }

  private async whatIf(failed: string[]): Promise<void> {
    this.failed = failed;
    const shown = this.lastGood;
    if (!this.uri || !shown) return;
    if (failed.length === 0) {
      this.post({ type: 'whatIf' });
      return;
    }
    const sequence = this.sequence;
    try {
      const result = await sendRequest(this.client, WhatIfRequest, whatIfParams(this.uri, shown.version, shown.system, failed, shown.elements));
      if (sequence !== this.sequence) return;
      this.post({ type: 'whatIf', result: previewWhatIf(failed, result) });
    } catch (error) {
      this.post({ type: 'whatIf', error: `The what-if could not be computed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A page hidden and shown again is loaded afresh (no retained context): it needs everything again.
        this.pageEmpty = true;
        this.sendSettings();
        return this.refresh();
      case 'pickSystem':
        if (message.system === this.system) return;
        this.system = message.system;
        this.failed = [];
        return this.refresh();
      case 'whatIf':
        return this.whatIf(message.failed);
      case 'reveal':
        return this.reveal(message.version, message.range, message.selection);
      case 'export':
        return saveExport(this.uri, this.system, message.format, message.data);
      case 'state':
        // The webview keeps its own state for reloads; the host needs only what it asks the server with.
        if (message.state.uri === this.uri) this.failed = message.state.failed;
        return;
    }
  }

  /** Shows the declaration, but only in the text the diagram was drawn from. */
  private async reveal(version: number, range: [number, number], selection: [number, number]): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri);
    if (!doc || doc.version !== version) {
      vscode.window.setStatusBarMessage('sysd: the text has changed since this diagram was drawn; click again once it updates.', 4000);
      return;
    }
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const whole = new vscode.Range(doc.positionAt(range[0]), doc.positionAt(range[1]));
    editor.selection = new vscode.Selection(doc.positionAt(selection[0]), doc.positionAt(selection[1]));
    editor.revealRange(whole, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of [...this.subscriptions, ...this.panelSubscriptions]) s.dispose();
  }
}
