/**
 * Bundles the extension-host suite into out/extension-host/index.js, a
 * CommonJS module VS Code can require; `vscode` and `mocha` stay external
 * (the first is the host's, the second comes from node_modules).
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../../scripts/editor/tools';

export const SUITE = join(ROOT, 'out', 'extension-host', 'index.js');

export async function buildSuite(): Promise<string> {
  await build({
    entryPoints: [join(ROOT, 'test', 'extension-host', 'index.ts')],
    outfile: SUITE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  // The project's package.json says "type": "module"; this folder's says the bundle is CommonJS.
  mkdirSync(dirname(SUITE), { recursive: true });
  writeFileSync(join(dirname(SUITE), 'package.json'), '{ "type": "commonjs" }\n');
  return SUITE;
}
