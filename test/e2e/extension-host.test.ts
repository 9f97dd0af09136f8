/**
 * The extension-host suite (test/extension-host/sysd.suite.ts) in two hosts:
 *  - code-server's: the workbench in headless Chromium is opened with the
 *    extensionDevelopmentPath and extensionTestsPath in its URL payload, the
 *    way VS Code in a browser runs extension tests; the workbench reports the
 *    host's exit code through window.codeAutomationExit. It runs on every
 *    `npm test`.
 *  - a desktop VS Code through @vscode/test-electron: SYSD_VSCODE_PATH, a
 *    `code` on PATH, or a download where the network allows one; on a machine
 *    with none of them the test says so and skips.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { startBundledVSCodeServer, type CodeServer } from '../../scripts/editor/code-server';
import { buildSuite } from '../extension-host/build';
import { findDesktopVSCode, runInDesktopVSCode } from '../extension-host/desktop';
import { requireTools, ROOT, waitFor } from './e2e-env';
import { CHROMIUM_FLAGS } from './workbench';

function scratchWorkspace(): { scratch: string; workspace: string } {
  const scratch = mkdtempSync(join(tmpdir(), 'sysd-exthost-'));
  const workspace = join(scratch, 'workspace');
  mkdirSync(workspace);
  for (const name of readdirSync(join(ROOT, 'examples'))) copyFileSync(join(ROOT, 'examples', name), join(workspace, name));
  return { scratch, workspace };
}

test('the extension-host suite in code-server\'s extension host', { timeout: 300_000 }, async (t) => {
  const tools = requireTools();
  try {
    createRequire(join(ROOT, 'package.json')).resolve('mocha');
  } catch {
    throw new Error('mocha is not installed in node_modules: run `npm ci` (it is a dev dependency of this package)');
  }
  const suite = await buildSuite();
  const { scratch, workspace } = scratchWorkspace();
  let server: CodeServer | undefined;
  const browser = await chromium.launch({ executablePath: tools.chromium, headless: true, args: CHROMIUM_FLAGS, timeout: 30_000 });
  const output: string[] = [];
  try {
    // No .vsix here: the host loads the extension from the checkout, as a developer's would.
    mkdirSync(join(scratch, 'user-data', 'User'), { recursive: true });
    server = await startBundledVSCodeServer(tools, scratch);
    const remote = (path: string) => `vscode-remote://127.0.0.1:${server!.port}${path}`;
    const payload = [['extensionDevelopmentPath', remote(ROOT.replace(/\/$/, ''))], ['extensionTestsPath', remote(suite)]];
    const page = await browser.newPage();
    let exitCode: number | undefined;
    // The host's console, forwarded by the workbench: a styled prefix ('%c INFO', 'color: …'), then console.log's own arguments.
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const own = args.map(String);
      while (own.length > 0 && (own[0].startsWith('%c') || own[0].startsWith('color:'))) own.shift();
      if (own.length > 0) output.push(format(...own));
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      exitCode = code;
    });
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await waitFor('the extension-host tests to finish', Number(process.env.SYSD_EXTHOST_WAIT ?? 240_000), () => exitCode, 500);
    const mochaLines = output.filter((line) => /✔|^\s*\d+\) |\d+ (passing|failing|pending)/.test(line));
    for (const line of mochaLines) t.diagnostic(line.trim());
    assert.equal(code, 0, `the suite failed in code-server's extension host:\n${output.join('\n').slice(-4000)}`);
    assert.ok(mochaLines.some((line) => /\b[1-9]\d* passing\b/.test(line)), `mocha reported no passing test:\n${output.join('\n').slice(-4000)}`);
    assert.ok(!mochaLines.some((line) => /\bfailing\b/.test(line)), `mocha reported failures:\n${mochaLines.join('\n')}`);
  } catch (error) {
    const log = server?.log.join('').slice(-3000) ?? '';
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- output ---\n${output.join('\n').slice(-3000)}\n--- code-server log ---\n${log}`);
  } finally {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(ROOT, 'test-results', 'extension-host-code-server.log'), `${output.join('\n')}\n--- code-server ---\n${server?.log.join('') ?? ''}`);
    await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]).catch(() => undefined);
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  }
});

test('the extension-host suite in a desktop VS Code (@vscode/test-electron)', { timeout: 600_000 }, async (t) => {
  const found = await findDesktopVSCode();
  if ('reason' in found) {
    t.skip(found.reason);
    return;
  }
  const suite = await buildSuite();
  const { scratch, workspace } = scratchWorkspace();
  try {
    const code = await runInDesktopVSCode(found.executable, suite, workspace, join(scratch, 'user-data'));
    assert.equal(code, 0, 'the suite failed in the desktop VS Code');
  } finally {
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  }
});
