/**
 * The bench's floor rows keep only runs during which no garbage collection
 * ran; these check that runs with one are recognised and runs without are kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

process.env.WARMUP_MS = '50';
const { measureWithoutCollections } = await import('../../bench/core-bench');

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
  assert.ok(result.median >= 0 && result.median < 50, `median ${result.median}`);
});
