/**
 * The VS Code side of sysd: starts the language server over IPC, shows the
 * active file's availability in the status bar, and registers the commands.
 * Everything language-aware happens in the server; this file only connects.
 */
import * as vscode from 'vscode';
import { InlayHintRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusNotification } from '../protocol/requests';
import { onNotification } from './protocol-binding';
import { registerCommands } from './commands';
import { PreviewController } from './preview/panel';
import { StatusBar } from './status-bar';
import { SERVER_EXEC_ARGV } from '../server/runtime-flags';
import { openPreviewOnStartup } from './startup-preview';
import { registerOpenExample } from './open-example';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'sysd' }, { scheme: 'untitled', language: 'sysd' }],
    middleware: {
      // The setting is read on every request, so turning hints off takes effect at once.
      provideInlayHints: (document, range, token, next) =>
        vscode.workspace.getConfiguration('sysd', document).get<boolean>('inlayHints.enabled', true) ? next(document, range, token) : [],
    },
  };
  // The id 'sysd' makes the client honour the `sysd.trace.server` setting.
  client = new LanguageClient('sysd', 'sysd language server', serverOptions, clientOptions);

  const status = new StatusBar();
  context.subscriptions.push(status);
  const output = client.outputChannel;
  // Registered before the client starts: VS Code restores a preview left open as soon as the extension activates.
  const preview = new PreviewController(context, client, (message) => output.appendLine(message));
  context.subscriptions.push(preview);
  context.subscriptions.push(registerCommands(client, status, preview));
  context.subscriptions.push(registerOpenExample(context));
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('sysd.inlayHints.enabled') || !client) return;
      // Ask VS Code to query the hints again, as a server-sent refresh would.
      const editor = vscode.window.activeTextEditor;
      const provider = editor && client.getFeature(InlayHintRequest.method)?.getProvider(editor.document);
      provider?.onDidChangeInlayHints.fire();
    }),
  );

  await client.start();
  context.subscriptions.push(onNotification(client, StatusNotification, (params) => {
    status.update(params);
    preview.onAnalysed(params.uri);
  }));
  context.subscriptions.push(openPreviewOnStartup());
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
