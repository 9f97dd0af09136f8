/**
 * Terminal and CI-log injection (docs/language.md strings may hold any
 * character): what `sysd` prints as text shows control characters as
 * `U+XXXX`, so a label cannot clear the terminal, and no printed line starts
 * with user text — a line starting `::error` is a GitHub Actions workflow
 * command that would forge an annotation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printable } from '../../grammar/printable';
import { sysd, workspace } from '../fixtures/cli/run-cli';

const FORGED = '::error file=x.sysd,line=1::forged';
const MODEL = `system shop "L1\\n${FORGED}" {
  users web { rps: 10 }
  service api "\u001b[2J\u001b[H" { replicas: 2; owner: "x\u001b]0;title\u0007" }
  database db { replicas: 2; replication: "\\n${FORGED}\u001b[31m" }
  web -> api -> db
}
`;

/** Every printed line: none starts with a workflow command, none holds a control character. */
function assertSafe(output: string, what: string): void {
  for (const line of output.split('\n')) {
    assert.ok(!line.trimStart().startsWith('::'), `${what}: a line starts with a workflow command: ${JSON.stringify(line)}`);
    assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(line), `${what}: a control character is printed raw: ${JSON.stringify(line)}`);
  }
}

test('printable shows control characters, separators and bidi overrides as U+XXXX and leaves the rest', () => {
  assert.equal(printable('a\nb\u001b[2J\u2028\u202e ok é 🙂'), 'aU+000AbU+001B[2JU+2028U+202E ok é 🙂');
});

test('check and report in text print hostile labels and values without control characters or forged lines', async () => {
  const ws = workspace({ 'model.sysd': MODEL });
  try {
    const check = await sysd(['check', ws.path('model.sysd')]);
    assert.match(check.stdout, /invalid-value/, 'the hostile value is reported');
    assert.match(check.stdout, /forgedU\+001B\[31m/, 'its escape character is shown, not printed');
    assertSafe(check.stdout, 'check');
    const report = await sysd(['report', ws.path('model.sysd')]);
    assert.match(report.stdout, /^system shop "L1U\+000A::error/m);
    assertSafe(report.stdout, 'report');
  } finally {
    ws.cleanup();
  }
});

test('a file name with a newline cannot start a line of check output either', async () => {
  const ws = workspace({ [`a\n${FORGED}.sysd`]: 'system s {\n  users u\n  service a\n  u -> a\n}\n' });
  try {
    const check = await sysd(['check', ws.path(`a\n${FORGED}.sysd`)]);
    assert.ok(check.stdout.length > 0);
    assertSafe(check.stdout, 'check');
  } finally {
    ws.cleanup();
  }
});
