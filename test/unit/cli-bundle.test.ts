/**
 * The built `sysd` command: `check` must not load the layout code (ELK is
 * most of the bundle, and loading it was most of a 5-line check's time), and
 * the command must run from `bin/sysd.js` as a user runs it, with the version
 * of package.json. The bundle's structure is checked from esbuild's own
 * account of it (the same options as `npm run build`); the process tests use
 * the `dist/` that `npm test` builds first.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
// @ts-expect-error The build options are plain JavaScript, shared with scripts/build.mjs.
import { cliBuildOptions } from '../../scripts/cli-build-options.mjs';

const fromElk = (input: string) => /node_modules\/elkjs\//.test(input);

/** Every output file the entry loads before any dynamic import: itself and its static imports, transitively. */
function staticallyLoaded(meta: Metafile, entry: string): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length) {
    for (const imported of meta.outputs[queue.shift()!].imports) {
      if (imported.kind === 'import-statement' && !imported.external && !seen.has(imported.path)) {
        seen.add(imported.path);
        queue.push(imported.path);
      }
    }
  }
  return [...seen];
}

describe('what sysd check loads', () => {
  test('the check path holds no ELK; the layout code is a chunk only a dynamic import (render) reaches', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'sysd-bundle-'));
    try {
      const result = await build({ ...cliBuildOptions, outdir, write: false, metafile: true, logLevel: 'silent' });
      const meta = result.metafile!;
      const entry = Object.keys(meta.outputs).find((o) => meta.outputs[o].entryPoint === 'cli/main.ts');
      assert.ok(entry, 'the entry point is built');
      const loaded = staticallyLoaded(meta, entry);
      for (const output of loaded) {
        const elk = Object.keys(meta.outputs[output].inputs).filter(fromElk);
        assert.deepEqual(elk, [], `${output} is loaded by every command and holds ELK`);
      }
      const layout = Object.keys(meta.outputs).filter((o) => Object.keys(meta.outputs[o].inputs).some(fromElk));
      assert.equal(layout.length, 1, 'ELK is in one chunk');
      assert.ok(!loaded.includes(layout[0]));
      // render runs ELK in its worker thread (dist/layout-worker.js): the render chunk itself holds no ELK
      // either, which reaches the main thread only through the in-process fallback's dynamic import.
      const renderChunk = meta.outputs[entry].imports.find((i) => i.kind === 'dynamic-import' && /render/.test(i.path));
      assert.ok(renderChunk, 'render is a chunk loaded on demand');
      for (const output of staticallyLoaded(meta, renderChunk.path)) {
        const elk = Object.keys(meta.outputs[output].inputs).filter(fromElk);
        assert.deepEqual(elk, [], `${output} is loaded by render on the main thread and holds ELK`);
      }
      const importers = Object.keys(meta.outputs).filter((o) => meta.outputs[o].imports.some((i) => i.path === layout[0]));
      assert.ok(importers.length > 0 && importers.every((o) => meta.outputs[o].imports.find((i) => i.path === layout[0])!.kind === 'dynamic-import'));
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('bin/sysd.js, as a user runs it', { skip: !existsSync('dist/cli/sysd.mjs') && 'dist/ is not built (npm test builds it)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sysd-bin-'));
  const file = join(dir, 'shop.sysd');
  writeFileSync(file, 'system s {\n  users u { rps: 10 }\n  service a { replicas: 2 }\n  u -> a\n}\n');
  const sysd = (...args: string[]) => spawnSync(process.execPath, ['bin/sysd.js', ...args], { encoding: 'utf8' });

  test('check runs from the ES module bundle and reports the version of package.json', () => {
    const r = sysd('check', '--format', 'sarif', file);
    assert.equal(r.status, 0, r.stderr);
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    assert.equal(JSON.parse(r.stdout).runs[0].tool.driver.version, version);
  });

  test('render loads the layout chunk and writes the diagram', () => {
    const out = join(dir, 'shop.svg');
    const r = sysd('render', file, '-o', out);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(readFileSync(out, 'utf8').startsWith('<svg'));
    rmSync(dir, { recursive: true, force: true });
  });
});
