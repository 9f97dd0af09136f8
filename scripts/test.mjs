// Runs every test file under test/unit, test/lsp and test/e2e with Node's own
// test runner (TypeScript through tsx), so the summary lines are node:test's.
// When the end-to-end suite is among them, it first installs that suite's
// tools (scripts/e2e-setup.sh: cached in .e2e/, about 6 minutes the first
// time, a second on later runs) and packages dist/ into dist/sysd.vsix once,
// so the suite never skips and never repackages. `npm test` builds dist/ just
// before this script runs.
// Extra arguments are passed on: `node scripts/test.mjs --test-name-pattern=spof`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageVsix } from './package-vsix.mjs';

function collect(dir) {
  let out = [];
  let names;
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(collect(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const suites = process.env.SYSD_TEST_SUITES?.split(',') ?? ['test/unit', 'test/lsp', 'test/webview', 'test/e2e'];
const files = suites.flatMap(collect);

if (files.some((f) => f.startsWith(join('test', 'e2e')))) {
  // A failed install does not stop the run: the e2e test then fails and names what is missing.
  console.log('== installing the end-to-end tools (scripts/e2e-setup.sh; cached in .e2e/)');
  const setup = spawnSync('bash', ['scripts/e2e-setup.sh'], { stdio: 'inherit' });
  if (setup.status !== 0) console.log(`== scripts/e2e-setup.sh failed (exit ${setup.status ?? setup.signal}); the e2e tests will say what is missing`);
  try {
    packageVsix();
  } catch (error) {
    console.log(`== ${error.message}`);
  }
}

// The editor tests start code-server and Chromium, which take both cores for a while; beside them,
// the other suites' bounded waits would run on a starved machine. So they run after the others,
// one file at a time, and the run fails if either phase does.
const isEditorTest = (f) => f.startsWith(join('test', 'e2e'));
const phases = [
  { files: files.filter((f) => !isEditorTest(f)), concurrency: 2 },
  { files: files.filter(isEditorTest), concurrency: 1, title: '== the editor tests (test/e2e), one file at a time' },
];
let status = 0;
for (const phase of phases.filter((p) => p.files.length > 0)) {
  if (phase.title) console.log(phase.title);
  const args = ['--import', 'tsx', '--test', `--test-concurrency=${phase.concurrency}`, ...process.argv.slice(2), ...phase.files];
  // The editor's wall-clock limits off (server/wall-clock.ts): no test may see a different figure or layout
  // because the machine is busy. The editor tests' code-server, and the server it starts, inherit it.
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, SYSD_WALL_CLOCK_LIMITS: 'off' } });
  if (result.status !== 0) status = result.status ?? 1;
}
process.exit(status);
