/**
 * The nightly-size CLI fuzz run: many more cases than `npm test` runs, in
 * batches of child processes so one crash loses one batch, not the night.
 *
 *   npm run fuzz:cli -- [CASES=5000] [RUN_SEED=random]
 */
import { problemsOf, runBatch } from './cli-driver';

const cases = Number(process.argv[2] ?? 5000);
const runSeed = Number(process.argv[3] ?? Math.floor(Math.random() * 2 ** 32));
const BATCH = 250;

console.log(`CLI fuzz: ${cases} cases, run seed ${runSeed}`);
let failed = 0;
let done = 0;
let longest = { seed: 0, cpuMs: 0 };
for (let first = 0; first < cases; first += BATCH) {
  const result = await runBatch(runSeed, first, Math.min(BATCH, cases - first));
  done += result.reports.length;
  for (const r of result.reports) if (r.cpuMs > longest.cpuMs) longest = r;
  for (const p of problemsOf(result)) {
    failed++;
    console.log(p);
  }
  console.log(`  ${done} of ${cases} cases, ${failed} problems; longest case ${longest.seed}, ${longest.cpuMs} ms of CPU`);
}
process.exit(failed > 0 ? 1 : 0);
