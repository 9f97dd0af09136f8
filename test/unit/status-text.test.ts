/**
 * The status bar's words: a figure with ✓/✗ against the SLO, and the error
 * count in the text whenever the item is coloured for errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusText } from '../../client/status-text';
import type { StatusParams } from '../../protocol/requests';

const status = (over: Partial<StatusParams>): StatusParams => ({
  uri: 'file:///a.sysd',
  version: 1,
  systems: [{ name: 'checkout', availability: '99.969%', slo: '99.95%', sloVerdict: 'met' }],
  errors: 0,
  warnings: 0,
  analysisMs: 12,
  ...over,
});

test('a clean file that meets its SLO: the figure and ✓, no warning colour', () => {
  const s = statusText(status({}));
  assert.equal(s.text, '$(pulse) 99.969% ✓');
  assert.equal(s.attention, false);
  assert.match(s.tooltip, /checkout: 99\.969% \(SLO 99\.95%, met\)/);
});

test('errors colour the item and are counted in its text, so ✓ (the SLO) and the colour do not contradict', () => {
  const s = statusText(status({ errors: 2, warnings: 1 }));
  assert.equal(s.text, '$(pulse) 99.969% ✓ $(error) 2');
  assert.equal(s.attention, true);
  assert.match(s.tooltip, /2 errors, 1 warning \(analysed in 12 ms\)/);
});

test('a missed SLO is ✗ and coloured; several systems are named', () => {
  const s = statusText(status({ systems: [
    { name: 'a', availability: '99.9%', slo: '99.95%', sloVerdict: 'unmet' },
    { name: 'b', availability: undefined, slo: undefined },
  ] }));
  assert.equal(s.text, '$(pulse) a 99.9% ✗ · b —');
  assert.equal(s.attention, true);
});
