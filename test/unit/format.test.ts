import { exact } from '../../core/figure';
import { analyseText } from '../../core/index';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAvailability, formatCount, formatDowntimes, formatDuration, formatPercent, formatRate } from '../../core/format';

describe('number formatting shared by the server and the CLI', () => {
  test('availability keeps two significant digits of unavailability', () => {
    assert.equal(formatAvailability(exact(0.99953)), '99.953%');
    assert.equal(formatAvailability(exact(0.9995)), '99.95%');
    assert.equal(formatAvailability(exact(0.999)), '99.9%');
    assert.equal(formatAvailability(exact(0.62)), '62%');
    assert.equal(formatAvailability(exact(0.9999999)), '99.99999%');
    assert.equal(formatAvailability(exact(1)), '100%');
    assert.equal(formatAvailability(exact(0)), '0%');
  });

  test('a figure below 1 never reads as 100%', () => {
    assert.notEqual(formatAvailability(exact(0.99999999996)), '100%');
    assert.match(formatAvailability(exact(0.99999999996)), /^99\.9+\d*%$/);
  });

  test('durations read as a person says them, two units at most', () => {
    assert.equal(formatDuration(0.025), '25ms');
    assert.equal(formatDuration(1.5), '1.5s');
    assert.equal(formatDuration(30), '30s');
    assert.equal(formatDuration(59.7), '1m');
    assert.equal(formatDuration(312), '5m 12s');
    assert.equal(formatDuration(3599.9), '1h');
    assert.equal(formatDuration(15_780), '4h 23m');
    assert.equal(formatDuration(267_840), '3d 2h');
    assert.equal(formatDuration(0), '0s');
  });

  test('downtime per year, month and week', () => {
    assert.deepEqual(formatDowntimes(exact(0.9995)), { year: '4h 23m/yr', month: '21m 36s/mo', week: '5m 2s/wk' });
  });

  test('rates and shares', () => {
    assert.equal(formatRate(2500), '2.5k rps');
    assert.equal(formatRate(6000), '6k rps');
    assert.equal(formatRate(500), '500 rps');
    assert.equal(formatRate(1_234_567), '1.23M rps');
    assert.equal(formatPercent(0.62), '62%');
    assert.equal(formatPercent(0.012), '1.2%');
    assert.equal(formatPercent(6), '600%');
  });

  test('small counts keep their digits: calls: 0.001 does not read as ×0', () => {
    assert.equal(formatCount(0.001), '0.001');
    assert.equal(formatCount(0.123456), '0.12');
    assert.equal(formatCount(2.345), '2.35');
  });

  test('nothing odd on non-finite input', () => {
    assert.equal(formatAvailability(exact(Number.NaN)), '—');
    assert.equal(formatDuration(Number.POSITIVE_INFINITY), '—');
    assert.equal(formatRate(Number.NaN), '— rps');
  });
});

describe('a figure carries its exactness into every text', () => {
  const estimate = { value: 0.9995, unavailability: 0.0005, exactness: { method: 'monte-carlo' as const, samples: 4000, low: 0.9993, high: 0.9997, reason: 'test' } };

  test('an estimate reads ≈ with its 95% interval', () => {
    assert.equal(formatAvailability(estimate), '≈ 99.95% (95% CI 99.93–99.97%)');
    assert.equal(formatDowntimes(estimate).year, '≈ 4h 23m/yr');
  });

  test('precision comes from the unavailability, not from a rounded availability', () => {
    // u = 1e-18 is availability 1 in floating point; it is still not 100%, and its downtime is not 0.
    const tiny = { value: 1, unavailability: 1e-18, exactness: { method: 'exact' as const } };
    assert.notEqual(formatAvailability(tiny), '100%');
    assert.match(formatAvailability(tiny), /^99\.9{16}%$/);
  });

  test('downtime in the figures is computed from the engine\'s unavailability (u = 1e-12)', () => {
    const s = analyseText(`system s {
  users web { rps: 10 }
  service a { replicas: 4 }
  web -> a
}`).systems[0];
    const u = s.availability!.unavailability;
    assert.ok(Math.abs(u - 1e-12) <= 1e-9 * 1e-12, String(u));
    assert.ok(Math.abs(s.downtimePerYear! - 1e-12 * 365.25 * 86_400) <= 1e-9 * s.downtimePerYear!, String(s.downtimePerYear));
  });
});
