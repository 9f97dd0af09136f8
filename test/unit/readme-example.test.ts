/**
 * The README's example is a file of examples/, word for word, and the output
 * shown under it is what those commands print today: a reader who runs them
 * sees the same thing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sysd } from '../fixtures/cli/run-cli';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

test("the README's sysd example is a file of examples/ exactly", () => {
  const block = /```sysd\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'README has a sysd block');
  const files = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.sysd'));
  const same = files.filter((f) => readFileSync(join(ROOT, 'examples', f), 'utf8') === block[1]);
  assert.deepEqual(same, ['checkout.sysd']);
});

test("the README's commands print exactly the output it shows", async () => {
  const block = /```\n(\$ sysd [\s\S]*?)```/.exec(readme);
  assert.ok(block, 'README shows commands and their output');
  const runs = block[1].split(/^(?=\$ sysd )/m);
  assert.ok(runs.length >= 2);
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    for (const shown of runs) {
      const [command, ...output] = shown.split('\n');
      const r = await sysd(command.slice('$ sysd '.length).split(' '));
      assert.equal(`${output.join('\n').replace(/\n+$/, '')}`, r.stdout.replace(/\n+$/, ''), command);
    }
  } finally {
    process.chdir(cwd);
  }
});
