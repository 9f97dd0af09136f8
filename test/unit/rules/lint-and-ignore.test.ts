/**
 * The two ways a user tunes findings (docs/language.md §9): a `lint` block that
 * changes a code's severity per system, and a `// sysd-ignore` comment that
 * silences codes for the one statement after it.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText, type Diagnostic } from '../../../core/index';

const at = (text: string, d: Diagnostic) => text.slice(d.range.start, d.range.end);
const summary = (text: string, ds: Diagnostic[]) => ds.map((d) => `${d.code}:${d.severity}:${at(text, d)}`).sort();

/** One unreplicated service: a spof (warning) and a no-capacity (hint), plus whatever the lint block says. */
const withLint = (lint: string) => `system shop {
  lint { ${lint} }
  users web { rps: 10 }
  service api
  web -> api
}`;

describe('lint block', () => {
  test('without a lint block, spof is a warning and no-capacity a hint', () => {
    const text = withLint('');
    assert.deepEqual(summary(text, analyseText(text).diagnostics), ['no-capacity:hint:api', 'spof:warning:api']);
  });

  test('spof: error raises the severity, and only of spof', () => {
    const text = withLint('spof: error');
    assert.deepEqual(summary(text, analyseText(text).diagnostics), ['no-capacity:hint:api', 'spof:error:api']);
  });

  test('a code can be lowered as well as raised', () => {
    const text = withLint('spof: info, no-capacity: warning');
    assert.deepEqual(summary(text, analyseText(text).diagnostics), ['no-capacity:warning:api', 'spof:info:api']);
  });

  test('off removes the code', () => {
    const text = withLint('no-capacity: off');
    assert.deepEqual(summary(text, analyseText(text).diagnostics), ['spof:warning:api']);
  });

  test('the block applies to its own system only', () => {
    const text = `${withLint('spof: off')}
system admin {
  users staff { rps: 1 }
  service panel { capacity: 10 rps }
  staff -> panel
}`;
    assert.deepEqual(summary(text, analyseText(text).diagnostics), ['no-capacity:hint:api', 'spof:warning:panel']);
  });

  test('an unknown code is an error with "did you mean", and the rest of the block still applies', () => {
    const text = withLint('spfo: off; no-capacity: off');
    const ds = analyseText(text).diagnostics;
    const unknown = ds.filter((d) => d.code === 'unknown-property');
    assert.equal(unknown.length, 1);
    assert.equal(at(text, unknown[0]), 'spfo');
    assert.equal(unknown[0].severity, 'error');
    assert.match(unknown[0].message, /'spfo' is not a diagnostic code; did you mean 'spof'\?/);
    // The typo silences nothing, and the valid setting next to it still works.
    assert.ok(ds.some((d) => d.code === 'spof' && d.severity === 'warning'));
    assert.ok(!ds.some((d) => d.code === 'no-capacity'));
  });

  test('an unknown severity is an invalid value on the value, with "did you mean"', () => {
    const text = withLint('spof: eror');
    const ds = analyseText(text).diagnostics;
    const bad = ds.find((d) => d.code === 'invalid-value');
    assert.ok(bad, summary(text, ds).join('\n'));
    assert.equal(at(text, bad), 'eror');
    assert.match(bad.message, /error, warning, info, hint or off/);
    assert.match(bad.message, /did you mean 'error'/);
    assert.ok(ds.some((d) => d.code === 'spof' && d.severity === 'warning'), 'the default severity stays');
  });
});

describe('sysd-ignore comments', () => {
  const text = `system shop {
  users web { rps: 10 }
  // sysd-ignore spof
  service api
  service auth
  // sysd-ignore spof, no-replica
  database orders
  web -> api, auth, orders
}`;
  const ds = analyseText(text).diagnostics;

  test('silence the named code on the next statement and nothing else on it', () => {
    assert.ok(!ds.some((d) => d.code === 'spof' && at(text, d) === 'api'));
    assert.ok(ds.some((d) => d.code === 'no-capacity' && at(text, d) === 'api'), 'no-capacity on api is not ignored');
  });

  test('do not reach past the statement after the comment', () => {
    assert.ok(ds.some((d) => d.code === 'spof' && at(text, d) === 'auth'));
  });

  test('take several codes separated by commas', () => {
    assert.deepEqual(summary(text, ds.filter((d) => at(text, d) === 'orders')), ['no-capacity:hint:orders']);
  });

  test('silence a finding on an edge statement', () => {
    const src = `system shop {
  users web { rps: 10 }
  service api { replicas: 2; capacity: 10 rps }
  external stripe
  web -> api
  // sysd-ignore no-breaker
  api -> stripe
  api -> stripe { share: 50% }
}`;
    const found = analyseText(src).diagnostics.filter((d) => d.code === 'no-breaker');
    assert.equal(found.length, 1, 'only the second, unannotated call is reported');
    assert.ok(found[0].range.start > src.indexOf('share') - 20);
  });

  test('an unknown code is an error on that word with "did you mean"', () => {
    const src = `system shop {
  users web { rps: 10 }
  // sysd-ignore spof, no-replcia
  database orders
  web -> orders
}`;
    const found = analyseText(src).diagnostics;
    const unknown = found.filter((d) => d.code === 'unknown-property');
    assert.equal(unknown.length, 1);
    assert.equal(at(src, unknown[0]), 'no-replcia');
    assert.equal(unknown[0].severity, 'error');
    assert.match(unknown[0].message, /did you mean 'no-replica'\?/);
    // The valid code beside the typo still applies; the misspelt one silences nothing.
    assert.ok(!found.some((d) => d.code === 'spof'));
    assert.ok(found.some((d) => d.code === 'no-replica'));
  });
});
