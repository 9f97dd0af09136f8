/**
 * The .vsix the e2e test installs. `npm run package` writes dist/sysd.vsix;
 * when that file is missing or older than the bundles, the test packages the
 * bundles that are there into a temporary file instead of rebuilding dist/,
 * because other test files may be reading dist/ at the same moment.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './e2e-env';

const BUNDLES = ['dist/client.js', 'dist/server.js', 'package.json'];

const mtime = (path: string) => (existsSync(path) ? statSync(path).mtimeMs : 0);

function run(command: string, args: string[], timeoutMs: number): void {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.slice(-2000);
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  }
}

/** A .vsix of the current bundles: dist/sysd.vsix when fresh, else one packaged into `scratchDir`. */
export function vsixFor(scratchDir: string): string {
  const packaged = join(ROOT, 'dist', 'sysd.vsix');
  const bundles = BUNDLES.map((p) => join(ROOT, p));
  if (!bundles.slice(0, 2).every(existsSync)) run('npm', ['run', 'build'], 120_000);
  const newest = Math.max(...bundles.map(mtime));
  if (existsSync(packaged) && mtime(packaged) >= newest) return packaged;
  const out = join(scratchDir, 'sysd.vsix');
  // vsce itself, without the production rebuild that `npm run package` does first.
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '-o', out], 120_000);
  return out;
}
