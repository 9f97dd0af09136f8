// Packages the bundles already in dist/ into dist/sysd.vsix with vsce, without
// rebuilding them, and only when the .vsix is older than what it holds. The
// test runner and `npm start` both call it right after building, so one run
// packages once; `npm run package` is the production (minified) build.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const VSIX = join(ROOT, 'dist', 'sysd.vsix');
const CONTENTS = ['dist/client.js', 'dist/server.js', 'dist/cli/sysd.mjs', 'dist/layout-worker.js', 'dist/webview.js', 'package.json', 'syntaxes', 'media'];

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/** Returns dist/sysd.vsix, packaging it first when it is missing or stale; throws when vsce fails. */
export function packageVsix() {
  const newest = Math.max(...CONTENTS.map((p) => mtime(join(ROOT, p))));
  if (existsSync(VSIX) && mtime(VSIX) >= newest) {
    console.log('== dist/sysd.vsix is up to date');
    return VSIX;
  }
  const t0 = Date.now();
  console.log('== packaging dist/ into dist/sysd.vsix');
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '-o', VSIX], {
    cwd: ROOT, encoding: 'utf8', timeout: 180_000,
  });
  if (result.status !== 0) {
    throw new Error(`vsce package failed (${result.error?.message ?? `exit ${result.status}`}):\n${`${result.stdout}${result.stderr}`.slice(-2000)}`);
  }
  console.log(`== packaged dist/sysd.vsix in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return VSIX;
}

// `node scripts/package-vsix.mjs`, as `npm start` runs it.
if (process.argv[1] === fileURLToPath(import.meta.url)) packageVsix();
