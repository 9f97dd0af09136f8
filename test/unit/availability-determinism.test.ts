/**
 * Figures depend on the model, never on the clock (docs/language.md §6):
 * whether the exact method finishes and how many samples Monte Carlo draws
 * are decided by units of work, so `sysd check` gives the same bytes on an
 * idle and on a loaded machine. The clock is made to jump a second on every
 * read: any figure that still read it would change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../core/index';
import { jsonFile } from '../../core/report/json';
import { generateSysd } from '../../bench/generate';

/** Runs `fn` while every Date.now() and performance.now() read is a second after the last. */
function withJumpingClock<T>(fn: () => T): T {
  const realDate = Date.now;
  const realPerf = performance.now.bind(performance);
  let t = realDate();
  Date.now = () => (t += 1000);
  performance.now = () => (t += 1000);
  try {
    return fn();
  } finally {
    Date.now = realDate;
    performance.now = realPerf;
  }
}

const HARD = `system hard {
  users u { rps: 10 }
  service api { replicas: 2 }
${Array.from({ length: 40 }, (_, i) => `  service x${i} { availability: 90% }`).join('\n')}
${Array.from({ length: 120 }, (_, k) => `  api -> x${(k * 7) % 40} | x${(k * 13 + 5) % 40}`).join('\n')}
  u -> api
}
`;

const json = (text: string, exactUnits?: number) => JSON.stringify(jsonFile('f.sysd', analyseText(text, { exactUnits })));

test('an exact figure does not turn into an estimate when the clock runs fast', () => {
  const text = generateSysd({ components: 300, alternatives: 20 });
  const calm = json(text);
  assert.match(calm, /"method":"exact"/);
  assert.ok(withJumpingClock(() => json(text)) === calm, 'the same bytes with a jumping clock');
});

test('an estimate draws the same samples however fast the clock runs', () => {
  // Past the exact units, so Monte Carlo decides the figure.
  const calm = json(HARD, 1000);
  assert.match(calm, /"method":"monte-carlo"/);
  assert.ok(withJumpingClock(() => json(HARD, 1000)) === calm, 'the same bytes with a jumping clock');
  assert.ok(json(HARD, 1000) === calm, 'the same bytes twice');
});

test('one budget per file: a second hard system gets only the floor the first left', () => {
  const two = `${HARD}\n${HARD.replace('system hard', 'system hard2')}`;
  const a = analyseText(two, { exactUnits: 64_000 });
  const reasons = a.systems.map((s) => (s.availability!.exactness.method === 'monte-carlo' ? s.availability!.exactness.reason : 'exact'));
  assert.match(reasons[0], /more than the 6\.4e\+4 units/);
  assert.match(reasons[1], /more than the 1\.0e\+3 units/, 'the second system draws on what is left, at least 1/64 of the pool');
});
