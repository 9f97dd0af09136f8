// One esbuild script, three contexts: Node (client, server, layout worker), the
// command line (an ES module in chunks) and browser (webview). `--production` minifies; `--watch` rebuilds on change.
// Type-checking is `npm run typecheck` (tsc --noEmit), kept beside it.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cliBuildOptions, define } from './cli-build-options.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const nodeEntries = {
  client: 'client/extension.ts',
  server: 'server/main.ts',
  'layout-worker': 'node/layout-worker.ts',
};
const browserEntries = { webview: 'webview/main.ts' };

const only = (entries) => Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  define,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  outdir: 'dist',
};

// The command line's chunks are named by content hash: drop the old ones rather than let them pile up.
rmSync('dist/cli', { recursive: true, force: true });

const contexts = [
  await esbuild.context({
    ...common,
    entryPoints: only(nodeEntries),
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
  }),
  // The command line: an ES module in chunks (scripts/cli-build-options.mjs says why).
  await esbuild.context({ ...common, ...cliBuildOptions }),
];
const webEntries = only(browserEntries);
if (Object.keys(webEntries).length > 0) {
  contexts.push(
    await esbuild.context({ ...common, entryPoints: webEntries, platform: 'browser', format: 'iife', target: 'es2020' }),
  );
}

// The package is ESM ("type": "module") so tsx and node:test run the sources
// as modules; the bundles are CommonJS, which VS Code loads with require().
mkdirSync('dist', { recursive: true });
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('sysd: watching for changes');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
