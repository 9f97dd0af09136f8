/**
 * Textbook availability and capacity cases, from .sysd text through the
 * whole pipeline (parser, model, analyses, rules) as the editor and the CLI
 * run it. The expected figures are worked out by hand in each test.
 */
import { exact } from '../../../core/figure';
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText, type Analysis } from '../../../core/index';
import { downtime } from '../../../core/analysis/downtime';
import { formatAvailability, formatDowntimes } from '../../../core/format';

function near(actual: number | undefined, expected: number, what: string, tolerance = 1e-12): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= tolerance, `${what}: expected ${expected}, got ${actual}`);
}

function clean(analysis: Analysis): Analysis {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => d.message), [], 'the source is valid');
  return analysis;
}

const component = (a: Analysis, name: string) => a.systems[0].components.find((c) => c.name === name)!;
const codesOn = (a: Analysis, name: string) =>
  a.diagnostics.filter((d) => a.text.slice(d.range.start, d.range.end) === name).map((d) => d.code);

describe('availability', () => {
  test('three 99.9% components in series: 0.999³ = 99.7003%', () => {
    const a = clean(analyseText(`system s {
  users web { rps: 10 }
  service a
  service b
  service c
  web -> a -> b -> c
}`));
    near(a.systems[0].availability?.value, 0.999 ** 3, 'system');
    near(a.systems[0].availability?.value, 0.997002999, 'system, written out');
    assert.equal(a.systems[0].availability?.exactness.method, 'exact');
    for (const name of ['a', 'b', 'c']) assert.ok(component(a, name).spof, `${name} is a SPOF`);
  });

  test('two 99.9% servers in parallel: 1 − 0.001² = 99.9999%', () => {
    const replicas = clean(analyseText(`system s {
  users web { rps: 10 }
  service app { replicas: 2 }
  web -> app
}`));
    near(replicas.systems[0].availability?.value, 0.999999, 'two replicas');
    const alternatives = clean(analyseText(`system s {
  users web { rps: 10 }
  service blue
  service green
  web -> blue | green
}`));
    near(alternatives.systems[0].availability?.value, 0.999999, 'two alternatives');
    assert.equal(formatAvailability(alternatives.systems[0].availability!), '99.9999%');
    assert.ok(!component(alternatives, 'blue').spof && !component(alternatives, 'green').spof);
  });
});

describe('the nines table (365.25-day year, 30-day month, docs/language.md §6)', () => {
  const rows: [number, number, string, string][] = [
    // availability, hours down per year, formatted per year, formatted per month
    [0.99, 87.66, '3d 16h/yr', '7h 12m/mo'],
    [0.999, 8.766, '8h 46m/yr', '43m 12s/mo'],
    [0.9999, 0.8766, '52m 36s/yr', '4m 19s/mo'],
    [0.99999, 0.08766, '5m 16s/yr', '26s/mo'],
  ];
  for (const [a, hoursPerYear, year, month] of rows) {
    test(`${formatAvailability(exact(a))} is ${year} and ${month}`, () => {
      const d = downtime(1 - a);
      near(d.year / 3600, hoursPerYear, 'hours per year', 1e-6);
      near(d.month / 60, (1 - a) * 30 * 24 * 60, 'minutes per month', 1e-6);
      near(d.week, (1 - a) * 7 * 86_400, 'seconds per week', 1e-6);
      const f = formatDowntimes(exact(a));
      assert.equal(f.year, year);
      assert.equal(f.month, month);
    });
  }

  test('99.9% is 8.77 hours a year and 43.2 minutes a 30-day month, through the pipeline too', () => {
    const a = clean(analyseText(`system s {
  users web { rps: 10 }
  service app
  web -> app
}`));
    const s = a.systems[0];
    near(s.availability?.value, 0.999, 'system');
    assert.equal((s.downtimePerYear! / 3600).toFixed(2), '8.77');
    assert.equal((s.downtimePerMonth! / 60).toFixed(1), '43.2');
  });
});

describe('load balancer → two app servers → optional cache, and one database', () => {
  // The app reads through the cache (optional: a cache miss or failure falls
  // through to the database) and writes 10% of requests to the database directly.
  const a = clean(analyseText(`system shop {
  users web { rps: 500; peak: 1000 }
  lb front { capacity: 10k rps }
  service app { replicas: 2; capacity: 1k rps }
  cache redis { hit: 80%; capacity: 5k rps }
  database db { capacity: 2k rps }
  web -> front -> app
  app -> redis { optional }
  redis -> db
  app -> db { share: 10% }
}`));

  test('the load balancer and the database are SPOFs; the app servers and the cache are not', () => {
    assert.ok(component(a, 'front').spof);
    assert.ok(component(a, 'db').spof);
    assert.ok(!component(a, 'app').spof);
    assert.ok(!component(a, 'redis').spof);
    assert.ok(codesOn(a, 'front').includes('spof'));
    assert.ok(codesOn(a, 'db').includes('spof'));
    assert.ok(!codesOn(a, 'app').includes('spof'));
    assert.ok(!codesOn(a, 'redis').includes('spof'));
  });

  test('availability is front × app pair × db; the optional cache does not count', () => {
    near(a.systems[0].availability?.value, 0.999 * 0.999999 * 0.999, 'system');
  });

  test('the cache absorbs 80% of reads; its failure sends them to the database', () => {
    const db = component(a, 'db');
    // 20% of 1000 misses plus 10% of 1000 writes.
    near(db.peakLoad, 300, 'db peak load', 1e-9);
    near(db.utilisation, 300 / 2000, 'db utilisation', 1e-9);
    // Without the cache all 1000 reads plus the 100 writes reach the database.
    near(db.cacheFailureUtilisation, 1100 / 2000, 'db utilisation when the cache fails', 1e-9);
    assert.ok(!codesOn(a, 'db').includes('cache-failure-overload'), '55% is within capacity');
  });
});
