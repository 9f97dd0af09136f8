/**
 * `sysd check` as CI runs it: one line per finding, a summary line, and the
 * exit status of docs/language.md §10 (0 clean, 1 findings, 2 bad usage).
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN, NO_ENTRY, ONE_ERROR, ONE_WARNING, sysd, workspace } from '../fixtures/cli/run-cli';

const ws = workspace({ 'clean.sysd': CLEAN, 'warn.sysd': ONE_WARNING, 'err.sysd': ONE_ERROR, 'none.sysd': NO_ENTRY });
after(() => ws.cleanup());

describe('sysd check: text output', () => {
  test('prints file:line:col severity code message, then the summary', async () => {
    const file = ws.path('warn.sysd');
    const r = await sysd(['check', file]);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4, r.stdout);
    assert.match(lines[0], /^(.+):3:11 warning spof 'api' is a single point of failure: .*add 'replicas: 2'/);
    assert.equal(lines[0].slice(0, file.length), file);
    assert.equal(lines[1], "    fix: Add replicas: 2 to 'api'");
    assert.match(lines[2], /:3:11 hint no-capacity /);
    assert.equal(lines[3], '0 errors, 1 warning, 0 infos, 1 hint in 1 file');
    assert.equal(r.stderr, '');
  });

  test("a finding's repairs follow it, indented, with the figure they reach; silencing is not printed", async () => {
    const r = await sysd(['check', ws.path('err.sysd')]);
    const lines = r.stdout.trimEnd().split('\n');
    // 300 rps at peak on 100 rps instances: 4 keep it at 75% (≤ 80%) and 3 still carry it after losing one.
    assert.deepEqual(lines.slice(0, 2).map((l) => l.replace(ws.path('err.sysd'), 'F')), [
      "F:3:11 error overload 'api' is overloaded: 300 rps at peak on 2 × 100 rps = 150%; add replicas or capacity",
      "    fix: Set replicas: 4 on 'api' (75% at peak)",
    ]);
    assert.ok(!r.stdout.includes('sysd-ignore') && !r.stdout.includes('(lint)'), r.stdout);
    // What a problem matcher sees: every line but the fixes and the summary is file:line:col severity code.
    for (const line of lines.slice(0, -1)) assert.match(line, /^(    fix: .+|.+:\d+:\d+ (error|warning|info|hint) [a-z-]+ .+)$/);
  });

  test('a clean file prints only the summary', async () => {
    const r = await sysd(['check', ws.path('clean.sysd')]);
    assert.equal(r.stdout, '0 errors, 0 warnings, 0 infos, 0 hints in 1 file\n');
  });

  test('several files are checked in order and counted together', async () => {
    const r = await sysd(['check', ws.path('err.sysd'), ws.path('warn.sysd')]);
    const lines = r.stdout.trimEnd().split('\n').filter((l) => !l.startsWith('    fix: '));
    assert.ok(lines[0].startsWith(`${ws.path('err.sysd')}:3:11 error overload `), lines[0]);
    assert.ok(lines[1].startsWith(`${ws.path('warn.sysd')}:3:11 warning spof `), lines[1]);
    assert.equal(lines.at(-1), '1 error, 1 warning, 0 infos, 1 hint in 2 files');
  });
});

describe('sysd check: exit status', () => {
  test('0 when nothing is an error, even with warnings', async () => {
    assert.equal((await sysd(['check', ws.path('clean.sysd')])).status, 0);
    assert.equal((await sysd(['check', ws.path('warn.sysd')])).status, 0);
  });

  test('1 when a diagnostic is an error', async () => {
    assert.equal((await sysd(['check', ws.path('err.sysd')])).status, 1);
    assert.equal((await sysd(['check', ws.path('clean.sysd'), ws.path('err.sysd')])).status, 1);
  });

  test('1 when warnings exceed --max-warnings, 0 when they do not', async () => {
    const over = await sysd(['check', ws.path('warn.sysd'), '--max-warnings', '0']);
    assert.equal(over.status, 1);
    assert.match(over.stdout, /1 warning \(more than --max-warnings 0\)/);
    assert.equal((await sysd(['check', ws.path('warn.sysd'), '--max-warnings=1'])).status, 0);
    // Hints and infos never count as warnings.
    assert.equal((await sysd(['check', ws.path('clean.sysd'), '--max-warnings', '0'])).status, 0);
  });

  test('1 when the lint block raises a warning to an error', async () => {
    const raised = workspace({ 'raised.sysd': ONE_WARNING.replace('system shop {', 'system shop {\n  lint { spof: error }') });
    try {
      const r = await sysd(['check', raised.path('raised.sysd')]);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /:4:11 error spof /);
    } finally {
      raised.cleanup();
    }
  });

  const usage: [string, string[], RegExp][] = [
    ['a missing file', ['check', 'nowhere.sysd'], /nowhere\.sysd: no such file/],
    ['a directory', ['check', '<dir>'], /is a directory/],
    ['an unknown option', ['check', '<clean>', '--frobnicate'], /unknown option '--frobnicate'/],
    ['a format check does not have', ['check', '<clean>', '--format', 'xml'], /--format for check takes text, json, sarif, not 'xml'/],
    ['a --max-warnings that is not a number', ['check', '<clean>', '--max-warnings', 'many'], /whole number/],
    ['no file', ['check'], /check needs a file/],
    ['an unknown command', ['lint', '<clean>'], /unknown command 'lint'/],
  ];
  for (const [what, argv, message] of usage) {
    test(`2 for ${what}, with the reason on stderr and nothing on stdout`, async () => {
      const args = argv.map((a) => (a === '<dir>' ? ws.dir : a === '<clean>' ? ws.path('clean.sysd') : a));
      const r = await sysd(args);
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }

  test('a missing file among good ones is still bad usage', async () => {
    assert.equal((await sysd(['check', ws.path('clean.sysd'), ws.path('gone.sysd')])).status, 2);
  });

  test('a bare sysd prints the usage on stderr and exits 2', async () => {
    const r = await sysd([]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /sysd check {2}FILE\.\.\./);
    assert.equal(r.stdout, '');
  });

  test('--help prints the usage and exits 0', async () => {
    const r = await sysd(['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /sysd check {2}FILE\.\.\./);
  });
});
