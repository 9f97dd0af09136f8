/**
 * The webview is browser code: it may import only protocol/ (types and
 * names shared with the host), never core, the server, the client, Node or
 * a package. protocol/ imports nothing outside itself. A wrong import would
 * pull Node code into the page or figures computed in the browser.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

const tsFiles = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, dir, f));

test('webview/ imports only itself and protocol/', () => {
  const files = tsFiles('webview');
  assert.ok(files.length >= 5, 'the webview sources are found');
  for (const file of files) {
    for (const spec of importsOf(file)) {
      assert.match(spec, /^(\.\/[\w-]+|\.\.\/protocol\/[\w-]+)$/, `${file} imports ${spec}`);
    }
  }
});

test('protocol/ imports nothing outside itself', () => {
  for (const file of tsFiles('protocol')) {
    for (const spec of importsOf(file)) assert.match(spec, /^\.\/[\w-]+$/, `${file} imports ${spec}`);
  }
});

test('the webview type-checks without Node types', () => {
  const config = JSON.parse(readFileSync(join(ROOT, 'webview/tsconfig.json'), 'utf8'));
  assert.deepEqual(config.compilerOptions.types, []);
  assert.ok(config.compilerOptions.lib.includes('DOM'));
  assert.match(readFileSync(join(ROOT, 'scripts/typecheck.mjs'), 'utf8'), /'webview\/tsconfig\.json'/, 'npm run typecheck checks the webview project');
});
