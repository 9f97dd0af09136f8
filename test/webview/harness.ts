/**
 * The preview webview in headless Chromium, without VS Code: the very page
 * the extension serves (client/preview/html.ts, same content security
 * policy), its bundle built with the build script's browser options, the
 * theme stylesheet generated from core/diagram/theme.ts, all served from a
 * fake extension origin by request interception. `acquireVsCodeApi` is a
 * stub that records what the page posts. Diagrams come from the server's own
 * request handler (server/features/preview.ts) over the real examples.
 *
 * Every CSP violation, console error and page error is recorded; a test
 * calls `assertClean` so that any of them fails it.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { previewHtml } from '../../client/preview/html';
import { themeCss } from '../../core/diagram/theme';
import { analyseText } from '../../core/index';
import type { HostMessage, PreviewDiagramResult } from '../../protocol/preview';
import { LineIndex } from '../../server/convert';
import type { Snapshot } from '../../server/documents';
import { previewDiagram } from '../../server/features/preview';

// The editor's wall-clock limits off: what this test sees must not depend on how busy the machine is (server/wall-clock.ts).
process.env.SYSD_WALL_CLOCK_LIMITS = 'off';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTEFACTS = join(ROOT, 'test-results', 'preview');
export const ORIGIN = 'https://sysd-extension.test';
export const CHROMIUM = process.env.SYSD_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--headless', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export type Theme = 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast' | 'vscode-high-contrast-light';

/** A few of the variables VS Code sets on the page, so the chrome looks as it does in each theme. */
const VSCODE_VARIABLES: Record<Theme, Record<string, string>> = {
  'vscode-light': { '--vscode-editor-background': '#ffffff', '--vscode-foreground': '#3b3b3b' },
  'vscode-dark': {
    '--vscode-editor-background': '#1f1f1f', '--vscode-foreground': '#cccccc', '--vscode-button-secondaryBackground': '#313131',
    '--vscode-button-secondaryForeground': '#cccccc', '--vscode-dropdown-background': '#313131', '--vscode-dropdown-foreground': '#cccccc',
    '--vscode-panel-border': '#2b2b2b', '--vscode-editorHoverWidget-background': '#202020', '--vscode-editorHoverWidget-foreground': '#cccccc',
    '--vscode-inputValidation-warningBackground': '#352a05',
  },
  'vscode-high-contrast': {
    '--vscode-editor-background': '#000000', '--vscode-foreground': '#ffffff', '--vscode-button-secondaryBackground': '#000000',
    '--vscode-button-secondaryForeground': '#ffffff', '--vscode-contrastBorder': '#6fc3df', '--vscode-panel-border': '#6fc3df',
    '--vscode-dropdown-background': '#000000', '--vscode-dropdown-foreground': '#ffffff', '--vscode-inputValidation-warningBackground': '#000000',
  },
  'vscode-high-contrast-light': {
    '--vscode-editor-background': '#ffffff', '--vscode-foreground': '#292929', '--vscode-contrastBorder': '#0f4a85', '--vscode-panel-border': '#0f4a85',
    '--vscode-button-secondaryBackground': '#ffffff',
  },
};

let bundle: Promise<string> | undefined;
/** The webview bundle with the options of scripts/build.mjs's browser context. */
function webviewBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [join(ROOT, 'webview/main.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'es2020', write: false, logLevel: 'warning',
  }).then((r) => r.outputFiles[0].text);
  return bundle;
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    assert.fail(`Chromium is missing at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium, or run scripts/e2e-setup.sh), or set SYSD_CHROMIUM to a Chromium binary.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export interface PreviewPage {
  page: Page;
  /** CSP violations, console errors and page errors so far. */
  problems: string[];
  posted(): Promise<unknown[]>;
  send(message: HostMessage): Promise<void>;
  setTheme(theme: Theme): Promise<void>;
  assertClean(): void;
  close(): Promise<void>;
}

export async function openPreview(browser: Browser, opts: { theme?: Theme; state?: unknown; width?: number; height?: number } = {}): Promise<PreviewPage> {
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1100, height: opts.height ?? 760 } });
  // Playwright's waits are hang guards here; its 30 s default runs out on a busy machine.
  page.setDefaultTimeout(180_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const script = await webviewBundle();
  const nonce = 'c3lzZC10ZXN0LW5vbmNl';
  const html = previewHtml({ cspSource: ORIGIN, nonce, script: `${ORIGIN}/dist/webview.js`, styles: [`${ORIGIN}/dist/diagram.css`, `${ORIGIN}/dist/preview.css`] });
  const files: Record<string, { body: string; type: string }> = {
    '/index.html': { body: html, type: 'text/html' },
    '/dist/webview.js': { body: script, type: 'text/javascript' },
    '/dist/diagram.css': { body: themeCss(), type: 'text/css' },
    '/dist/preview.css': { body: readFileSync(join(ROOT, 'webview/preview.css'), 'utf8'), type: 'text/css' },
  };
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const file = url.origin === ORIGIN ? files[url.pathname] : undefined;
    if (!file) {
      problems.push(`request outside the extension: ${url.href}`);
      return route.abort();
    }
    return route.fulfill({ status: 200, contentType: file.type, body: file.body });
  });
  const theme = opts.theme ?? 'vscode-light';
  // tsx compiles this file keeping function names through a helper, `__name`, that the page does not have.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript(([state, themeName, variables]) => {
    const w = window as unknown as Record<string, unknown>;
    const posted: unknown[] = [];
    let saved = state;
    w.__posted = posted;
    w.__violations = [];
    w.acquireVsCodeApi = () => ({
      postMessage: (m: unknown) => posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => saved,
      setState: (s: unknown) => {
        saved = s;
      },
    });
    document.addEventListener('securitypolicyviolation', (e) => (w.__violations as string[]).push(`${e.violatedDirective} ${e.blockedURI}`));
    const apply = () => {
      const name = themeName as string;
      document.body.classList.add(...(name === 'vscode-high-contrast-light' ? ['vscode-high-contrast', name] : [name]));
      for (const [k, v] of Object.entries(variables as Record<string, string>)) document.documentElement.style.setProperty(k, v);
    };
    if (document.body) apply();
    else document.addEventListener('DOMContentLoaded', apply);
  }, [opts.state, theme, VSCODE_VARIABLES[theme]] as const);
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => ((window as unknown as { __posted: { type: string }[] }).__posted ?? []).some((m) => m.type === 'ready'));

  const violations = async () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  return {
    page,
    problems,
    posted: () => page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted),
    // A posted message is delivered in a task of its own; this listener, added after the page's, runs once the
    // page has handled it, so the next step never races the page (the source of a rare failure under load).
    send: (message) => page.evaluate((m) => new Promise<void>((resolve) => {
      window.addEventListener('message', () => resolve(), { once: true });
      window.postMessage(m, '*');
    }), message),
    async setTheme(next) {
      await page.evaluate(([name, vars]) => {
        document.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light');
        document.body.classList.add(...(name === 'vscode-high-contrast-light' ? ['vscode-high-contrast', name] : [name]));
        // VS Code replaces all its variables on a theme change; none of the old theme's may linger.
        const style = document.documentElement.style;
        for (const k of Array.from(style)) if (k.startsWith('--vscode-')) style.removeProperty(k);
        for (const [k, v] of Object.entries(vars)) style.setProperty(k, v);
      }, [next, VSCODE_VARIABLES[next]] as const);
    },
    assertClean() {
      assert.deepEqual(problems, [], 'no console error, page error or outside request');
    },
    async close() {
      const v = await violations();
      await page.close();
      assert.deepEqual(v, [], 'no content security policy violation');
    },
  };
}

/** The server's answer for a text, as the panel gets it. */
export async function diagramOf(text: string, system?: string, version = 1, uri = 'file:///work/example.sysd'): Promise<PreviewDiagramResult> {
  const snapshot: Snapshot = { uri, version, text, lines: new LineIndex(text), analysis: analyseText(text), durationMs: 0 };
  return previewDiagram(snapshot, { uri, system });
}

export function diagramMessage(result: PreviewDiagramResult, fileName = 'example.sysd', stale = false): HostMessage {
  return { type: 'diagram', uri: result.uri, fileName, stale, result };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTEFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTEFACTS, `${name}.png`) });
}
