import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeAvailability } from '../../core/analysis/availability/index';
import { buildModel } from './helpers/model-builder';

/** Six failing zones: 64 zone states, enough for a zero budget to run out during enumeration. */
const zoned = () =>
  buildModel({
    groups: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`z${i}`, { availability: 0.9 }])),
    components: {
      u: { kind: 'users', rps: 10 },
      api: { replicas: 3, availability: 0.95, zones: ['z0', 'z1', 'z2'] },
      db: { kind: 'database', replicas: 2, availability: 0.9, zones: ['z3', 'z4'] },
      cache: { availability: 0.8, zones: ['z5'] },
    },
    edges: ['u -> api -> db | cache'],
  });

test('past the work budget the figure is a labelled Monte Carlo estimate with a 95% interval', () => {
  const exact = computeAvailability(zoned());
  assert.deepEqual(exact.entries.get('u')!.exactness, { method: 'exact' });
  const a = exact.entries.get('u')!.availability;

  const mc = computeAvailability(zoned(), { exactUnits: 0 });
  const entry = mc.entries.get('u')!;
  assert.equal(entry.exactness.method, 'monte-carlo');
  if (entry.exactness.method !== 'monte-carlo') return;
  assert.ok(entry.exactness.samples >= 1000);
  assert.match(entry.exactness.reason, /units of work/);
  assert.ok(entry.exactness.low <= entry.availability && entry.availability <= entry.exactness.high);
  assert.ok(entry.exactness.low <= a && a <= entry.exactness.high, `exact ${a} outside [${entry.exactness.low}, ${entry.exactness.high}]`);
  assert.ok(entry.exactness.high - entry.exactness.low < 0.01, 'interval is informative');
  // The system figure says so too, and is never silently exact.
  assert.equal(mc.system.exactness.method, 'monte-carlo');
  // Seeded: the same model gives the same estimate.
  assert.equal(computeAvailability(zoned(), { exactUnits: 0 }).entries.get('u')!.availability, entry.availability);
});

test('cancellation stops the work and leaves the figures undefined rather than wrong', () => {
  const r = computeAvailability(zoned(), { isCancelled: () => true });
  assert.equal(r.entries.size, 0);
  assert.equal(r.system.availability, undefined);
});
