/**
 * The seeded CLI fuzz suite: mutated examples (test/fuzz/mutate.ts) through
 * `sysd check` (text, JSON, SARIF), `sysd report` (text, JSON, markdown) and
 * `sysd render`. Every case must exit 0 or 1 (render 2 only without a
 * system), print no internal error, and give well-formed output: JSON that
 * parses, SARIF 2.1.0, an SVG that is XML, text without raw control
 * characters. Cases run in a child process with a 1 GB heap, so a case that
 * runs out of memory is reported by its seed.
 *
 * Reproducible: the run seed is printed; SYSD_FUZZ_SEED and SYSD_FUZZ_CASES
 * choose another run, and each failure prints the command that replays it.
 * The nightly-size run is `npm run fuzz:cli` (test/fuzz/cli-nightly.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problemsOf, runBatch } from '../fuzz/cli-driver';

const RUN_SEED = Number(process.env.SYSD_FUZZ_SEED ?? 1616);
const CASES = Number(process.env.SYSD_FUZZ_CASES ?? 120);

test(`CLI fuzz: ${CASES} mutated examples through every format (run seed ${RUN_SEED})`, { timeout: 20 * 60_000 }, async (t) => {
  const result = await runBatch(RUN_SEED, 0, CASES);
  const problems = problemsOf(result);
  const longest = result.reports.reduce((a, r) => (r.cpuMs > a.cpuMs ? r : a), { seed: 0, cpuMs: 0, bytes: 0 });
  t.diagnostic(`run seed ${RUN_SEED}: ${result.reports.length} cases; longest case ${longest.seed} (${longest.bytes} chars), ${longest.cpuMs} ms of CPU`);
  assert.deepEqual(problems, [], `run seed ${RUN_SEED}:\n${problems.join('\n')}`);
  assert.equal(result.reports.length, CASES);
});
