// One TypeScript project per runtime, each checked on its own: Node code
// (tsconfig.json: no DOM types), the end-to-end tests (test/e2e: Node code
// that also passes functions to the browser page, so it sees both; test/webview
// likewise), and the
// webview (webview/tsconfig.json: DOM types, no Node types) when it exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = ['tsconfig.json', 'test/e2e/tsconfig.json', 'test/webview/tsconfig.json', 'webview/tsconfig.json'].filter((p) => existsSync(p));
let failed = false;
for (const project of projects) {
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`typecheck: ${project} has errors`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
