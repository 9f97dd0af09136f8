/**
 * The bench's own arithmetic: floor rows keep only runs during which no
 * garbage collection ran, a case timed in several processes reports the
 * middle one, and the churn row keeps alive what it is told to.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

process.env.WARMUP_MS = '50';
const { measureWithoutCollections, middle, churn, footprint } = await import('../../bench/core-bench');

test('a run that allocates more than the young generation holds is never a floor run', async () => {
  let keep: unknown;
  // 40 MB kept alive across the run: past the default 16 MB semi-space, so every run collects.
  const heavy = () => {
    const parts: number[][] = [];
    for (let i = 0; i < 20; i++) parts.push(new Array(250_000).fill(i));
    keep = parts;
  };
  const result = await measureWithoutCollections(heavy, 4, 5_000);
  void keep;
  assert.ok(result.of >= 4, `measured ${result.of} runs`);
  assert.equal(result.runs, 0, `${result.runs} of ${result.of} runs counted as free of collections`);
});

test('runs that allocate nothing all count', async () => {
  let x = 0;
  const result = await measureWithoutCollections(() => { for (let i = 0; i < 1000; i++) x += i; }, 10, 5_000);
  assert.ok(x > 0);
  assert.equal(result.runs, result.of);
  // A median of the counted runs, whatever it is: how fast they were depends on the machine.
  assert.ok(Number.isFinite(result.median) && result.median >= 0, `median ${result.median}`);
});

test('a case timed in three processes reports the middle one and lists all three', () => {
  const row = (median: number) => ({ name: 'parse', median, p95: median * 2, target: 10, ok: median <= 10, note: '103 KB' });
  const chosen = middle([row(15.2), row(8.6), row(9.1)]);
  assert.equal(chosen.median, 9.1);
  assert.equal(chosen.ok, true);
  assert.equal(chosen.note, '103 KB; medians of 3 processes: 15.2, 8.6, 9.1 ms');
  assert.equal(middle([row(8.6), row(15.2), row(16)]).median, 15.2);
});

test('a process that failed decides the row', () => {
  const failed = { name: 'parse', ok: false, note: 'did not finish within 120 s' };
  assert.equal(middle([{ name: 'parse', median: 8, ok: true }, failed]), failed);
  const one = { name: 'parse', median: 8, ok: true, note: 'x' };
  assert.equal(middle([one]), one);
});

test('churn keeps alive the megabytes it is asked to, and footprint reads them', () => {
  // footprint needs gc(); expose it in this process.
  setFlagsFromString('--expose-gc');
  (globalThis as { gc?: unknown }).gc = runInNewContext('gc');
  try {
    for (const kept of [4, 12]) {
      const measured = footprint(() => churn(24, kept));
      assert.ok(measured, 'footprint measured nothing');
      assert.ok(Math.abs(measured.keptMb - kept) < kept * 0.15, `asked to keep ${kept} MB, kept ${measured.keptMb.toFixed(1)} MB`);
    }
    assert.equal(footprint(() => churn(24, 0))!.keptMb < 1, true);
  } finally {
    delete (globalThis as { gc?: unknown }).gc;
  }
});
