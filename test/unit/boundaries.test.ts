/**
 * The folders' import boundaries (docs/ARCHITECTURE.md, "Architecture
 * invariants"), checked on every source file:
 * - `grammar/` and `core/` run anywhere (the CLI, the server, a worker, the
 *   webview one day): they import neither an editor API (`vscode`,
 *   `vscode-languageserver*`, `vscode-languageclient`, `vscode-jsonrpc`) nor
 *   Node's threads or processes, nor any folder outside grammar/ and core/;
 * - `webview/` runs in a browser sandbox and talks to the extension only
 *   through messages: it imports only itself and `protocol/`;
 * - `protocol/` is shared by every side, so it imports nothing but itself.
 * Imports are read with TypeScript's own pre-processor, so dynamic
 * `import()` and `export … from` count too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FOLDERS = ['grammar', 'core', 'protocol', 'webview', 'server', 'client', 'cli', 'node'];

const EDITOR_API = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|vscode-jsonrpc.*)(\/.*)?$/;
const NODE_PROCESSES = /^(node:)?(worker_threads|child_process|cluster)(\/.*)?$/;

/** The folder (first path segment) a relative import resolves to, or undefined for a package. */
function targetFolder(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return normalize(join(dirname(file), specifier)).split(sep)[0];
}

/** Every broken boundary in a set of files (paths relative to the repository, POSIX or native). */
function violations(files: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of files) {
    const folder = normalize(file).split(sep)[0];
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      const target = targetFolder(file, specifier);
      const say = (why: string) => found.push(`${file} imports '${specifier}': ${why}`);
      if (folder === 'grammar' || folder === 'core') {
        if (EDITOR_API.test(specifier)) say(`${folder}/ never imports an editor API`);
        else if (NODE_PROCESSES.test(specifier)) say(`${folder}/ never starts threads or processes; adapters live in node/ or server/`);
        else if (target !== undefined && target !== 'grammar' && target !== 'core') say(`${folder}/ imports only grammar/ and core/`);
      } else if (folder === 'webview') {
        if (target !== 'webview' && target !== 'protocol') say('webview/ imports only itself and protocol/');
      } else if (folder === 'protocol') {
        if (target !== 'protocol') say('protocol/ imports nothing');
      }
    }
  }
  return found;
}

function sources(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(join(ROOT, folder));
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [path] : [];
  });
}

test('no source file crosses a folder boundary', () => {
  const files = new Map(FOLDERS.flatMap(sources).map((file) => [file, readFileSync(join(ROOT, file), 'utf8')] as const));
  assert.ok([...files.keys()].some((f) => f.startsWith(`core${sep}`)), 'the walk found core/');
  assert.deepEqual(violations(files), []);
});

test('each forbidden kind of import is caught', () => {
  const cases: [string, string][] = [
    ['core/a.ts', "import * as vscode from 'vscode';"],
    ['core/a.ts', "import { createConnection } from 'vscode-languageserver/node';"],
    ['grammar/a.ts', "export { Worker } from 'node:worker_threads';"],
    ['core/diagram/a.ts', "const cp = await import('child_process');"],
    ['core/a.ts', "import { x } from '../server/documents';"],
    ['webview/a.ts', "import { renderSvg } from '../core/diagram/svg';"],
    ['webview/a.ts', "import elk from 'elkjs';"],
    ['protocol/a.ts', "import type { Range } from '../core/diagnostic';"],
    ['protocol/a.ts', "import type { RequestType } from 'vscode-jsonrpc';"],
  ];
  for (const [file, text] of cases) {
    assert.equal(violations(new Map([[file, text]])).length, 1, `${file}: ${text}`);
  }
  const allowed: [string, string][] = [
    ['core/a.ts', "import { parse } from '../grammar/parse'; import { createToken } from 'chevrotain';"],
    ['webview/a.ts', "import type { ReportResult } from '../protocol/requests'; import { draw } from './draw';"],
    ['protocol/a.ts', "import { request } from './message';"],
    ['server/a.ts', "import { Worker } from 'node:worker_threads'; import 'vscode-languageserver/node';"],
  ];
  for (const [file, text] of allowed) assert.deepEqual(violations(new Map([[file, text]])), [], `${file}: ${text}`);
});

/** A tsconfig's compiler options, following `extends` (tsconfig files may hold comments). */
function options(project: string): { lib?: string[]; types?: string[] } {
  const read = ts.readConfigFile(join(ROOT, project), ts.sys.readFile);
  assert.equal(read.error, undefined, `${project} reads`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(join(ROOT, project)));
  return {
    lib: parsed.options.lib?.map((l) => l.toLowerCase()),
    types: parsed.options.types,
  };
}

test('Node code does not see DOM types, and the webview does not see Node types', () => {
  const node = options('tsconfig.json');
  assert.ok(node.lib && !node.lib.some((l) => l.includes('dom')), `tsconfig.json's lib has no DOM: ${node.lib}`);
  const include = (ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config.include ?? []) as string[];
  assert.ok(!include.includes('webview'), 'the webview is its own project');
  let webview: ReturnType<typeof options> | undefined;
  try {
    statSync(join(ROOT, 'webview', 'tsconfig.json'));
    webview = options('webview/tsconfig.json');
  } catch {
    return; // No webview yet: nothing to check on that side.
  }
  assert.ok(webview.lib?.some((l) => l.includes('dom')), 'the webview sees DOM types');
  assert.ok(webview.types !== undefined && !webview.types.includes('node'), `the webview project lists its types without node: ${webview.types}`);
});
