// How the command line is bundled, shared by scripts/build.mjs and the test that checks what
// `sysd check` loads (test/unit/cli-bundle.test.ts).
//
// The command line is an ES module split into chunks: `bin/sysd.js` imports it without Node's
// CommonJS export scan of a multi-megabyte file, and the layout code (ELK, most of the bytes),
// which only `render` imports (dynamically), is a chunk of its own that `check` and `report`
// never load.
import { readFileSync } from 'node:fs';

// The version is declared once, in package.json, and written into the bundles (core/version.ts).
export const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
export const define = { __SYSD_VERSION__: JSON.stringify(version) };

/** @type {import('esbuild').BuildOptions} */
export const cliBuildOptions = {
  bundle: true,
  define,
  entryPoints: { sysd: 'cli/main.ts' },
  outdir: 'dist/cli',
  platform: 'node',
  format: 'esm',
  splitting: true,
  outExtension: { '.js': '.mjs' },
  target: 'node18',
  // Bundled CommonJS libraries (elkjs) call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __sysdRequire } from 'node:module'; const require = __sysdRequire(import.meta.url);" },
};
