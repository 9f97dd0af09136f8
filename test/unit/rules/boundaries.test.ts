/**
 * The edges of the redundancy and utilisation rules that a single near-miss
 * cannot cover: min-up, active-passive pairs, alternatives, optional calls and
 * an explicit max-utilisation. Plus known bugs outside the rules, as todo tests.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../../core/index';

const findings = (text: string, code: string) =>
  analyseText(text)
    .diagnostics.filter((d) => d.code === code)
    .map((d) => text.slice(d.range.start, d.range.end));

describe('spof boundaries', () => {
  test('replicas: 2 with min-up: 2 cannot lose an instance, so it is a SPOF that needs 3', () => {
    const text = `system s {
  users web { rps: 10 }
  service api { replicas: 2; min-up: 2; capacity: 100 rps }
  web -> api
}`;
    assert.deepEqual(findings(text, 'spof'), ['api']);
    assert.match(analyseText(text).diagnostics.find((d) => d.code === 'spof')!.message, /add 'replicas: 3'/);
  });

  test('an external SPOF is told to get a second provider or an optional call, not replicas', () => {
    const text = `system s {
  users web { rps: 10 }
  service api { replicas: 2 }
  external stripe
  web -> api -> stripe
}`;
    assert.deepEqual(findings(text, 'spof'), ['stripe']);
    const d = analyseText(text).diagnostics.find((x) => x.code === 'spof')!;
    assert.equal(d.message, "'stripe' is a single point of failure: its failure alone takes down 'web'; add a second provider as an alternative (a -> stripe | stripe-2) or make the calls to it optional");
    assert.equal((d.data as { replicas?: number }).replicas, undefined);
  });

  test('an active-passive pair, alternatives and optional calls are not SPOFs', () => {
    const text = `system s {
  users web { rps: 10 }
  database db { replicas: 2; replication: sync; capacity: 100 rps }
  service blue { capacity: 100 rps }
  service green { capacity: 100 rps }
  service extras { capacity: 100 rps }
  web -> db
  web -> blue | green
  web -> extras { optional }
}`;
    assert.deepEqual(findings(text, 'spof'), []);
  });
});

describe('hot with an explicit max-utilisation', () => {
  const at = (max: string) => `system s {
  max-utilisation: ${max}
  users web { rps: 10; peak: 160 }
  service api { replicas: 2; capacity: 100 rps }
  web -> api
}`;

  test('80% at peak is hot against 70%, and fine against exactly 80%', () => {
    assert.deepEqual(findings(at('70%'), 'hot'), ['api']);
    assert.deepEqual(findings(at('80%'), 'hot'), []);
  });
});

describe('syntax messages (parser bugs, grammar/)', () => {
  // A component kind used where a name belongs, then an arrow: recovery used to
  // fall through to chevrotain's own message and report the arrow twice.
  const text = `system s { users web
  cache -> db }`;

  test('every syntax message is written for a user, not chevrotain\'s token list', () => {
    for (const d of analyseText(text).diagnostics) assert.doesNotMatch(d.message, /Expecting: one of these possible Token sequences/);
  });

  test('one syntax error per place', () => {
    const starts = analyseText(text).diagnostics.filter((d) => d.code === 'syntax').map((d) => d.range.start);
    assert.equal(new Set(starts).size, starts.length);
  });
});

describe('unknown-reference advice (core/model/)', () => {
  test('with no close name to suggest, the message still says what to do', () => {
    const text = `system s {
  users web { rps: 10 }
  service api { replicas: 2; capacity: 100 rps; zones: za }
  web -> api
}`;
    const d = analyseText(text).diagnostics.find((x) => x.code === 'unknown-reference');
    assert.ok(d);
    assert.equal(text.slice(d.range.start, d.range.end), 'za');
    assert.match(d.message, /declare it|add 'zone za'|zone za/);
  });
});
