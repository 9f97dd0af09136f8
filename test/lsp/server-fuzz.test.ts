/**
 * The seeded server fuzz of test/fuzz/server-fuzz.ts at the size `npm test`
 * can afford. The run seed is fixed so the suite is reproducible; set
 * SYSD_FUZZ_SEED to try another, SYSD_FUZZ_CASES for more cases. A failure
 * names the seeds that replay it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeReport, runServerFuzz } from '../fuzz/server-fuzz';

const runSeed = Number(process.env.SYSD_FUZZ_SEED ?? 20261130);
const cases = Number(process.env.SYSD_FUZZ_CASES ?? 200);

test(`server fuzz: ${cases} mutated examples, edits and requests (run seed ${runSeed})`, async (t) => {
  const report = await runServerFuzz({ runSeed, cases });
  t.diagnostic(describeReport(report));
  assert.equal(report.cases, cases);
});
