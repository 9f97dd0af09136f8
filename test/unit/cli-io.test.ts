/**
 * What `sysd` reads and where its output goes: only regular files up to the
 * stated size (a FIFO does not hang it, /dev/zero does not fill the memory),
 * and a failed write to stdout is exit status 2 with one line — quiet when
 * the reader closed the pipe (`sysd check | head -1`) — never an uncaught
 * exception with status 1, which means "findings".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, openSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_MODEL_BYTES } from '../../core/limits';
import { readModelFile } from '../../cli/io';
import { sysd, workspace } from '../fixtures/cli/run-cli';
import { spawnSysd } from '../fixtures/cli/spawn-cli';
import { generateSysd } from '../../bench/generate';

const EXAMPLE = join(import.meta.dirname, '../../examples/checkout.sysd');

test('a FIFO is refused at once with one line, not read forever', async () => {
  const ws = workspace({});
  try {
    const fifo = ws.path('model.sysd');
    execFileSync('mkfifo', [fifo]);
    const r = await spawnSysd(['check', fifo], { killAfterMs: 60_000 });
    assert.equal(r.signal, null, 'the process had to be killed: the read blocked');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^sysd: .*model\.sysd: is not a regular file.*\n$/);
  } finally {
    ws.cleanup();
  }
});

test('/dev/zero, and a symbolic link to it, are refused without reading them', { skip: !existsSync('/dev/zero') }, async () => {
  const ws = workspace({});
  try {
    const link = ws.path('zero.sysd');
    symlinkSync('/dev/zero', link);
    for (const path of ['/dev/zero', link]) {
      const r = await spawnSysd(['check', path], { heapMb: 128, killAfterMs: 60_000 });
      assert.equal(r.status, 2, `${path}: ${r.signal ?? ''} ${r.stderr.slice(0, 200)}`);
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.match(r.stderr, /is not a regular file/);
    }
  } finally {
    ws.cleanup();
  }
});

test('a file past the stated size is refused with its size and the limit', async () => {
  const ws = workspace({ 'ok.sysd': 'system s {}\n' });
  try {
    const big = ws.path('big.sysd');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_MODEL_BYTES + 1);
    closeSync(fd);
    const r = await sysd(['check', big]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^sysd: .*big\.sysd: is 8 MB; sysd reads model files of at most 8 MB\n$/);
    // At the limit itself, and below, the file is read.
    const atLimit = readModelFile(ws.path('ok.sysd'), 12);
    assert.deepEqual(atLimit, { text: 'system s {}\n' });
    assert.ok('error' in readModelFile(ws.path('ok.sysd'), 11));
  } finally {
    ws.cleanup();
  }
});

test('stdout to a full device: exit status 2 and one line on stderr', { skip: !existsSync('/dev/full') }, async () => {
  const full = openSync('/dev/full', 'w');
  try {
    const r = await spawnSysd(['check', EXAMPLE], { stdout: full });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, 'sysd: cannot write the output (ENOSPC)\n');
  } finally {
    closeSync(full);
  }
});

test('stdout closed by its reader (`| head -1`): exit status 2, nothing on stderr', async () => {
  const ws = workspace({ 'big.sysd': generateSysd({ components: 300 }) });
  try {
    const r = await spawnSysd(['report', '--format', 'json', ws.path('big.sysd')], { closeStdout: true });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, '');
  } finally {
    ws.cleanup();
  }
});
