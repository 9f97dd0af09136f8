import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { computeAvailability } from '../../core/analysis/availability/index';
import { buildModel } from './helpers/model-builder';

function close(actual: number, expected: number, tol = 1e-12): void {
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected}, got ${actual}`);
}

describe('availability: textbook figures', () => {
  test('three 99.9% components in series give 0.999^3 = 99.7003%', () => {
    const r = computeAvailability(buildModel({ components: { u: { kind: 'users' } }, edges: ['u -> a -> b -> c'] }));
    close(r.entries.get('u')!.availability, 0.997002999);
    close(r.system.availability!, 0.997002999);
    assert.deepEqual(r.system.exactness, { method: 'exact' });
  });

  test('two 99.9% servers in parallel (replicas 2) give 99.9999%', () => {
    const r = computeAvailability(
      buildModel({ components: { u: { kind: 'users' }, app: { replicas: 2 } }, edges: ['u -> app'] }),
    );
    close(r.componentAvailability.get('app')!, 0.999999);
    close(r.entries.get('u')!.unavailability, 1e-6, 1e-18);
    // Losing the whole component still breaks the entry (blast radius), but one instance can be lost: no SPOF.
    assert.deepEqual(r.breaks.get('app'), ['u']);
    assert.equal(r.spof.has('app'), false);
  });

  test('LB → two app servers → optional cache and one database: LB and DB are SPOFs', () => {
    const system = buildModel({
      components: { web: { kind: 'users' }, lb: { kind: 'lb' }, db: { kind: 'database' }, cache: { kind: 'cache' } },
      edges: ['web -> lb -> app1 | app2', ['app1 -> cache', { optional: true }], ['app2 -> cache', { optional: true }], 'app1 -> db', 'app2 -> db'],
    });
    const r = computeAvailability(system);
    assert.deepEqual([...r.spof.keys()].sort(), ['db', 'lb']);
    assert.deepEqual(r.spof.get('lb'), ['web']);
    assert.deepEqual(r.breaks.get('app1'), []);
    assert.deepEqual(r.breaks.get('cache'), []);
    // lb · (1 − (1 − app)²) · db, with app1/app2 sharing the database exactly once.
    const p = 0.999;
    close(r.entries.get('web')!.availability, p * (1 - (1 - p) ** 2) * p);
  });

  test('a shared component on two alternatives is counted once, not twice', () => {
    const r = computeAvailability(buildModel({ components: { u: { kind: 'users' } }, edges: ['u -> a | b', 'a -> d', 'b -> d'] }));
    const p = 0.999;
    close(r.entries.get('u')!.availability, (1 - (1 - p) ** 2) * p);
  });
});

describe('availability: modes, repair times and zones', () => {
  test('active-passive subtracts λ·F only with two or more instances', () => {
    const one = computeAvailability(buildModel({ components: { db: { kind: 'database', availability: 0.99, failover: 600 } } }));
    close(one.componentAvailability.get('db')!, 0.99);
    const two = computeAvailability(
      buildModel({ components: { db: { kind: 'database', replicas: 2, availability: 0.99, failover: 600, mttr: 3600 } } }),
    );
    const lambda = 0.01 / (0.99 * 1);
    close(two.componentAvailability.get('db')!, 1 - 0.01 ** 2 - lambda * (600 / 3600));
    assert.equal(two.spof.size, 0);
  });

  test('the failover penalty never takes availability below 0', () => {
    const r = computeAvailability(
      buildModel({ components: { db: { kind: 'database', replicas: 2, availability: 0.1, failover: 36000, mttr: 60 } } }),
    );
    assert.equal(r.componentAvailability.get('db'), 0);
  });

  test('mtbf and mttr give the instance availability', () => {
    const r = computeAvailability(
      buildModel({ components: { u: { kind: 'users' }, s: { mtbf: 999 * 3600, mttr: 3600 } }, edges: ['u -> s'] }),
    );
    close(r.instanceAvailability.get('s')!, 0.999);
    close(r.entries.get('u')!.availability, 0.999);
  });

  test('min-up needs that many instances (2 of 3)', () => {
    const r = computeAvailability(buildModel({ components: { s: { replicas: 3, minUp: 2, availability: 0.9 } } }));
    close(r.componentAvailability.get('s')!, 0.9 ** 3 + 3 * 0.9 ** 2 * 0.1);
  });

  test('a region with zones fails all of them together', () => {
    const system = buildModel({
      groups: { r: { type: 'region', availability: 0.99 }, a: { parent: 'r', availability: 0.9 }, b: { parent: 'r', availability: 0.9 } },
      components: { u: { kind: 'users' }, s: { replicas: 2, availability: 1, zones: ['a', 'b'] } },
      edges: ['u -> s'],
    });
    const r = computeAvailability(system);
    // Up when the region is up and at least one zone is: 0.99 · (1 − 0.1²).
    close(r.componentAvailability.get('s')!, 0.99 * (1 - 0.01));
    close(r.entries.get('u')!.availability, 0.99 * (1 - 0.01));
    assert.deepEqual(r.zoneSpof.get('r'), ['u']);
    assert.equal(r.zoneSpof.has('a'), false);
  });

  test('two components in the same zone fail together through the zone', () => {
    const system = buildModel({
      groups: { a: { availability: 0.9 } },
      components: { u: { kind: 'users' }, x: { availability: 1, zones: ['a'] }, y: { availability: 1, zones: ['a'] } },
      edges: ['u -> x -> y'],
    });
    // Independent zones would give 0.81; one shared zone gives 0.9.
    close(computeAvailability(system).entries.get('u')!.availability, 0.9);
  });

  test('users never fail and an entry without dependencies is always served', () => {
    const r = computeAvailability(buildModel({ components: { u: { kind: 'users', availability: 0.5 } } }));
    assert.equal(r.entries.get('u')!.availability, 1);
    assert.equal(r.componentAvailability.get('u'), 1);
  });
});

describe('availability: the system figure', () => {
  const twoEntries = (rpsA?: number, rpsB?: number) =>
    buildModel({
      components: { a: { kind: 'users', rps: rpsA }, b: { kind: 'client', rps: rpsB }, s: { availability: 0.99 }, t: { availability: 0.9 } },
      edges: ['a -> s', 'b -> t'],
    });

  test('is the rps-weighted mean of the entries', () => {
    const r = computeAvailability(twoEntries(300, 100));
    close(r.system.availability!, 0.75 * 0.99 + 0.25 * 0.9);
  });

  test('weighs entries equally when none has rps', () => {
    close(computeAvailability(twoEntries()).system.availability!, (0.99 + 0.9) / 2);
  });

  test('is undefined for a system without entries', () => {
    const r = computeAvailability(buildModel({ components: { s: {} }, edges: ['s -> t'] }));
    assert.equal(r.system.availability, undefined);
    assert.equal(r.entries.size, 0);
    close(r.componentAvailability.get('s')!, 0.999);
  });
});

describe('availability: async, optional and cycles', () => {
  test('async and optional calls do not count', () => {
    const r = computeAvailability(
      buildModel({ components: { u: { kind: 'users' } }, edges: ['u -> a ~> q', ['a -> c', { optional: true }]] }),
    );
    close(r.entries.get('u')!.availability, 0.999);
    assert.deepEqual(r.breaks.get('q'), []);
  });

  test('a cycle of up components is served (greatest fixed point)', () => {
    const r = computeAvailability(buildModel({ components: { u: { kind: 'users' } }, edges: ['u -> a -> b -> a'] }));
    close(r.entries.get('u')!.availability, 0.999 ** 2);
    assert.deepEqual([...r.spof.keys()].sort(), ['a', 'b']);
  });
});
