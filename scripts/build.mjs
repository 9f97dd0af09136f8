// One esbuild script, two contexts: Node (client, server, layout worker, cli)
// and browser (webview). `--production` minifies; `--watch` rebuilds on change.
// Type-checking is `npm run typecheck` (tsc --noEmit), kept beside it.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const nodeEntries = {
  client: 'client/extension.ts',
  server: 'server/main.ts',
  cli: 'cli/main.ts',
  'layout-worker': 'node/layout-worker.ts',
};
const browserEntries = { webview: 'webview/main.ts' };

const only = (entries) => Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  outdir: 'dist',
};

const contexts = [
  await esbuild.context({
    ...common,
    entryPoints: only(nodeEntries),
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
  }),
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
