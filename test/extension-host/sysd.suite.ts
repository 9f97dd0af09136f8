/**
 * The extension as VS Code's own API sees it, inside a real extension host:
 * activation on a .sysd file, the diagnostics of an opened document, each
 * command, and the preview panel the host draws. test/extension-host/index.ts
 * runs it with mocha; test/e2e/extension-host.test.ts starts the host
 * (code-server's, or a desktop VS Code through @vscode/test-electron).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

// mocha's tdd interface, as test/extension-host/index.ts puts it on the global object. Declared here
// rather than through @types/mocha so that type-checking does not need the test-only packages.
declare const suite: (name: string, body: (this: { timeout(ms: number): void }) => void) => void;
declare const suiteSetup: (body: () => Promise<void>) => void;
declare const test: (name: string, body: () => Promise<void>) => void;

const EXTENSION_ID = 'sysd.sysd';

/** Polls `probe` until it returns a value, or fails after `ms` naming `what`. */
async function until<T>(what: string, ms: number, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host was started without a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
const webviewTab = (viewType: string) => tabs().find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes(viewType));

suite('sysd in the extension host', function () {
  this.timeout(90_000);
  let checkout: vscode.TextDocument;

  suiteSetup(async () => {
    checkout = await vscode.workspace.openTextDocument(workspaceFile('checkout.sysd'));
    await vscode.window.showTextDocument(checkout);
  });

  test('opening a .sysd file activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await until('activation', 30_000, () => (extension.isActive ? true : undefined));
    assert.equal(checkout.languageId, 'sysd');
  });

  test('the opened document gets its diagnostics, at their ranges', async () => {
    const diagnostics = await until('the spof warning on route53', 60_000, () => {
      const found = vscode.languages.getDiagnostics(checkout.uri);
      return found.some((d) => d.message.includes("'route53' is a single point of failure")) ? found : undefined;
    });
    const spof = diagnostics.find((d) => d.message.includes("'route53' is a single point of failure"))!;
    assert.equal(spof.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(spof.source, 'sysd');
    assert.equal(typeof spof.code === 'object' ? spof.code.value : spof.code, 'spof');
    // The range covers the name in `dns route53 { ... }`.
    assert.equal(checkout.getText(spof.range), 'route53');
  });

  test('an edit that breaks the text gets a syntax error at once, and undoing it clears it', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'sysd', content: 'system s {\n  service api { replicas 2 }\n}\n' });
    const errors = await until('the syntax error', 30_000, () => {
      const found = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      return found.length > 0 ? found : undefined;
    });
    assert.match(errors[0].message, /expected ':'/);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 24), ':'));
    await until('the error gone', 30_000, () =>
      vscode.languages.getDiagnostics(doc.uri).every((d) => d.severity !== vscode.DiagnosticSeverity.Error) ? true : undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the extension registers every command it contributes', async () => {
    const registered = await vscode.commands.getCommands(true);
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.length >= 4, `only ${contributed.join(', ')} contributed`);
    for (const command of contributed) {
      assert.ok(registered.includes(command), `${command} is not registered`);
    }
  });

  test('sysd.openExample (the walkthrough\'s first step) opens an untitled copy of an example', async () => {
    await vscode.commands.executeCommand('sysd.openExample', 'three-tier.sysd');
    const editor = await until('the example in an editor', 30_000, () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.isUntitled && active.document.languageId === 'sysd' ? active : undefined;
    });
    assert.match(editor.document.getText(), /system storefront/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('sysd.openPreview opens the preview panel on the diagram of the file', async () => {
    await vscode.window.showTextDocument(checkout);
    await vscode.commands.executeCommand('sysd.openPreview', checkout.uri);
    // The host names the panel after the file once the server has drawn its diagram.
    const tab = await until('the preview titled after checkout.sysd', 60_000, () => {
      const found = webviewTab('sysd.preview');
      return found && found.label.includes('checkout.sysd') ? found : undefined;
    });
    assert.equal(tab.label, 'Preview checkout.sysd');
  });

  test('the preview follows the active sysd editor', async () => {
    const threeTier = await vscode.workspace.openTextDocument(workspaceFile('three-tier.sysd'));
    await vscode.window.showTextDocument(threeTier, vscode.ViewColumn.One);
    // The host asks the server for the new file's diagram and renames the panel when the answer comes.
    await until('the preview titled after three-tier.sysd', 60_000, () => (webviewTab('sysd.preview')?.label === 'Preview three-tier.sysd' ? true : undefined));
    await vscode.window.showTextDocument(checkout, vscode.ViewColumn.One);
    await until('the preview back on checkout.sysd', 60_000, () => (webviewTab('sysd.preview')?.label === 'Preview checkout.sysd' ? true : undefined));
  });

  test('sysd.showReport renders the report of the file in the markdown preview', async () => {
    await vscode.window.showTextDocument(checkout, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('sysd.showReport', checkout.uri);
    const report = await until('the report document', 30_000, () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'sysd-report' && d.uri.query === checkout.uri.toString()));
    const text = report.getText();
    assert.match(text, /availability/);
    for (const name of ['route53', 'api', 'orders', 'stripe']) assert.ok(text.includes(name), `the report does not name ${name}`);
    await until('the markdown preview', 30_000, () => webviewTab('markdown.preview'));
  });

  test('sysd.exportSvg writes the diagram where the save dialog says', async () => {
    const target = workspaceFile('exported.svg');
    // The test answers the save dialog: the extension and this test share one API object.
    const window = vscode.window as { showSaveDialog: typeof vscode.window.showSaveDialog };
    const original = window.showSaveDialog;
    window.showSaveDialog = async () => target;
    try {
      await vscode.commands.executeCommand('sysd.exportSvg', checkout.uri);
    } finally {
      window.showSaveDialog = original;
    }
    const svg = new TextDecoder().decode(await until('exported.svg', 30_000, async () => {
      try {
        return await vscode.workspace.fs.readFile(target);
      } catch {
        return undefined;
      }
    }));
    assert.match(svg, /<svg[\s>]/);
    assert.ok(svg.includes('stripe'), 'the SVG does not name stripe');
  });
});
