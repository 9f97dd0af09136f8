// Runs every test file under test/unit and test/lsp with Node's own test
// runner (TypeScript through tsx), so the summary lines are node:test's.
// Extra arguments are passed on: `node scripts/test.mjs --test-name-pattern=spof`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

const suites = process.env.SYSD_TEST_SUITES?.split(',') ?? ['test/unit', 'test/lsp', 'test/e2e'];
const files = suites.flatMap(collect);
const args = ['--import', 'tsx', '--test', '--test-concurrency=2', ...process.argv.slice(2), ...files];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
