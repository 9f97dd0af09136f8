import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { computeCapacity } from '../../core/analysis/capacity';
import { buildModel } from '../../core/model/build';
import { parse } from '../../grammar/parse';
import { buildSystem, chain, component, edge } from './helpers/capacity-fixtures';

function near(actual: number | undefined, expected: number, what: string): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9, `${what}: expected ${expected}, got ${actual}`);
}

/** The textbook case: lb → 2 app servers → optional cache (hit 80%) → database. */
function textbook() {
  return buildSystem(
    [
      component('shoppers', 'users', { rps: 1000, peak: 2000 }),
      component('lb', 'lb', { capacity: 10_000 }),
      component('app', 'service', { replicas: 2, capacity: 1500 }),
      component('cache', 'cache', { hit: 0.8, capacity: 50_000 }),
      component('db', 'database', { replicas: 2, capacity: 1000 }),
    ],
    [edge('shoppers', 'lb'), edge('lb', 'app'), edge('app', 'cache', { optional: true }), edge('cache', 'db')],
  );
}

describe('capacity: the textbook lb → app × 2 → optional cache → db', () => {
  const { components, cycleEdges } = computeCapacity(textbook());

  test('the entry load reaches every hop, and the cache passes on only its misses', () => {
    near(components.get('lb')!.load, 1000, 'lb load');
    near(components.get('app')!.peakLoad, 2000, 'app peak');
    near(components.get('cache')!.peakLoad, 2000, 'cache peak');
    near(components.get('db')!.load, 200, 'db load');
    near(components.get('db')!.peakLoad, 400, 'db peak');
    assert.deepEqual(cycleEdges, []);
  });

  test('utilisation is peak load over capacity × active instances', () => {
    const app = components.get('app')!;
    assert.equal(app.activeInstances, 2);
    near(app.capacity, 3000, 'app capacity');
    near(app.utilisation, 2000 / 3000, 'app utilisation');
    // The database is active-passive by default: one instance serves.
    const db = components.get('db')!;
    assert.equal(db.activeInstances, 1);
    near(db.utilisation, 0.4, 'db utilisation');
  });

  test('losing one of the two app servers leaves one to carry the peak', () => {
    const app = components.get('app')!;
    near(app.headroomUtilisation, 2000 / 1500, 'app headroom');
    assert.deepEqual(app.headroomLoss, { kind: 'instance' });
    assert.equal(components.get('db')!.headroomUtilisation, undefined, 'active-passive has no headroom figure');
    assert.equal(components.get('lb')!.headroomUtilisation, undefined, 'one replica has no headroom figure');
  });

  test('the cache failing sends five times the load to the database', () => {
    const db = components.get('db')!;
    near(db.cacheFailureUtilisation, 2.0, 'db utilisation without the cache');
    near(db.cacheFailureUtilisation! / db.utilisation!, 5, 'load multiplier');
    assert.equal(db.cacheFailureCause, 'cache');
    assert.equal(components.get('app')!.cacheFailureUtilisation, undefined, 'upstream is unaffected');
    assert.equal(components.get('cache')!.cacheFailureUtilisation, undefined);
  });
});

describe('capacity: how load flows', () => {
  test('calls and share multiply the load passed on', () => {
    const { components } = computeCapacity(
      buildSystem(
        [component('u', 'users', { rps: 100 }), component('a', 'service'), component('b', 'service')],
        [edge('u', 'a'), edge('a', 'b', { calls: 3, share: 0.5 })],
      ),
    );
    near(components.get('b')!.load, 150, 'b load');
    near(components.get('b')!.peakLoad, 150, 'b peak (peak defaults to rps)');
  });

  test('alternatives split the load evenly, fan-out sends it to each target', () => {
    const { components } = computeCapacity(
      buildSystem(
        [
          component('u', 'users', { rps: 100, peak: 400 }),
          component('a', 'service'),
          component('b', 'service'),
          component('c', 'service'),
          component('d', 'service'),
          component('e', 'service'),
        ],
        [edge('u', 'a'), edge('a', ['b', 'c'], { calls: 2 }), edge('a', 'd'), edge('a', 'e')],
      ),
    );
    near(components.get('b')!.load, 100, 'b gets half of 2 × 100');
    near(components.get('c')!.peakLoad, 400, 'c gets half of 2 × 400');
    near(components.get('d')!.load, 100, 'd gets all');
    near(components.get('e')!.load, 100, 'e gets all');
  });

  test('a diamond adds both inflows, and ~> edges carry load too', () => {
    const { components } = computeCapacity(
      buildSystem(
        [
          component('u', 'users', { rps: 10 }),
          component('a', 'service'),
          component('b', 'service'),
          component('c', 'service'),
          component('q', 'queue'),
          component('w', 'worker'),
        ],
        [edge('u', 'a'), edge('a', 'b'), edge('a', 'c'), edge('b', 'q'), edge('c', 'q'), edge('q', 'w', { async: true })],
      ),
    );
    near(components.get('q')!.load, 20, 'q load');
    near(components.get('w')!.load, 20, 'w load through ~>');
  });

  test('two entries add up; an unreached component and an entry without rps carry nothing', () => {
    const { components } = computeCapacity(
      buildSystem(
        [
          component('web', 'users', { rps: 10 }),
          component('mobile', 'client', { rps: 5 }),
          component('idle', 'users'),
          component('api', 'service', { capacity: 100 }),
          component('orphan', 'service', { capacity: 100 }),
        ],
        [edge('web', 'api'), edge('mobile', 'api'), edge('idle', 'api')],
      ),
    );
    near(components.get('api')!.load, 15, 'api load');
    near(components.get('orphan')!.load, 0, 'orphan load');
    near(components.get('orphan')!.utilisation, 0, 'orphan utilisation');
  });

  test('without a declared capacity there is a load but no utilisation', () => {
    const { components } = computeCapacity(
      buildSystem([component('u', 'users', { rps: 10 }), component('a', 'service', { replicas: 3 })], [edge('u', 'a')]),
    );
    const a = components.get('a')!;
    near(a.load, 10, 'a load');
    assert.equal(a.capacity, undefined);
    assert.equal(a.utilisation, undefined);
    assert.equal(a.headroomUtilisation, undefined);
  });

  test('edges that close a cycle pass nothing and are reported', () => {
    const system = buildSystem(
      [component('u', 'users', { rps: 10 }), component('a', 'service'), component('b', 'service'), component('c', 'service')],
      [edge('u', 'a'), edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'c')],
    );
    const { components, cycleEdges } = computeCapacity(system);
    near(components.get('a')!.load, 10, 'a is not fed back by c');
    near(components.get('c')!.load, 10, 'c is not fed by itself');
    assert.deepEqual(
      cycleEdges.map((e) => `${e.from}->${e.to}`),
      ['c->a', 'c->c'],
    );
  });
});

describe('capacity: headroom over zones', () => {
  test('3 replicas over 2 zones: losing the zone with 2 is the worse loss', () => {
    const { components } = computeCapacity(
      buildSystem(
        [component('u', 'users', { rps: 150 }), component('api', 'service', { replicas: 3, capacity: 100, zones: ['z1', 'z2'] })],
        [edge('u', 'api')],
      ),
    );
    const api = components.get('api')!;
    near(api.utilisation, 0.5, 'utilisation');
    near(api.headroomUtilisation, 1.5, 'one instance left in z2');
    assert.deepEqual(api.headroomLoss, { kind: 'zone', name: 'z1' });
  });

  test('one instance per zone: losing a zone is no worse than losing an instance', () => {
    const { components } = computeCapacity(
      buildSystem(
        [component('u', 'users', { rps: 150 }), component('api', 'service', { replicas: 4, capacity: 100, zones: ['a', 'b', 'c', 'd'] })],
        [edge('u', 'api')],
      ),
    );
    near(components.get('api')!.headroomUtilisation, 0.5, 'three instances left');
    assert.deepEqual(components.get('api')!.headroomLoss, { kind: 'instance' });
  });

  test('all replicas in one listed zone twice over: losing it leaves nothing', () => {
    const { components } = computeCapacity(
      buildSystem(
        [component('u', 'users', { rps: 1 }), component('api', 'service', { replicas: 2, capacity: 100, zones: ['a', 'a', 'b'] })],
        [edge('u', 'api')],
      ),
    );
    assert.equal(components.get('api')!.headroomUtilisation, Infinity);
    assert.deepEqual(components.get('api')!.headroomLoss, { kind: 'zone', name: 'a' });
  });
});

describe('capacity: scale and robustness', () => {
  test('a 10,000-component chain does not overflow the stack', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `s${i}`);
    const system = buildSystem(
      [component('u', 'users', { rps: 7 }), ...names.map((n) => component(n, 'service', { capacity: 10 }))],
      [edge('u', names[0]), ...chain(names)],
    );
    // Speed is measured by `npm run bench`, not asserted here.
    const { components } = computeCapacity(system);
    near(components.get('s9999')!.load, 7, 'load at the end of the chain');
  });

  test('a cancelled run returns without throwing', () => {
    const result = computeCapacity(textbook(), { isCancelled: () => true });
    assert.equal(result.components.size, 5);
  });

  test('the worse of two optional caches is the one named', () => {
    const { components } = computeCapacity(
      buildSystem(
        [
          component('u', 'users', { rps: 100 }),
          component('small', 'cache', { hit: 0.5 }),
          component('big', 'cache', { hit: 0.9 }),
          component('db', 'database', { capacity: 1000 }),
        ],
        [edge('u', 'small', { optional: true }), edge('u', 'big', { optional: true }), edge('small', 'db'), edge('big', 'db')],
      ),
    );
    // Normally 50 + 10 = 60; without "big" 50 + 100 = 150, without "small" 100 + 10 = 110.
    near(components.get('db')!.peakLoad, 60, 'db peak');
    near(components.get('db')!.cacheFailureUtilisation, 0.15, 'db without big');
    assert.equal(components.get('db')!.cacheFailureCause, 'big');
  });
});

describe('capacity from .sysd text', () => {
  test('the textbook system written in sysd gives the same figures', () => {
    const text = `system shop {
      users shoppers { rps: 1k; peak: 2k }
      lb front { capacity: 10k rps }
      service app { replicas: 2; capacity: 1500 rps; zones: z1, z2 }
      cache pages { hit: 80%; capacity: 50k rps }
      database db { replicas: 2; capacity: 1k rps }
      zone z1
      zone z2
      shoppers -> front -> app
      app -> pages { optional }
      pages -> db
    }`;
    const parsed = parse(text);
    const model = buildModel(parsed.ast, text);
    assert.deepEqual([...parsed.diagnostics, ...model.diagnostics], []);
    const { components } = computeCapacity(model.systems[0]);
    near(components.get('app')!.utilisation, 2000 / 3000, 'app utilisation');
    near(components.get('app')!.headroomUtilisation, 2000 / 1500, 'app headroom');
    near(components.get('db')!.peakLoad, 400, 'db peak');
    near(components.get('db')!.cacheFailureUtilisation, 2, 'db without the cache');
    assert.equal(components.get('db')!.cacheFailureCause, 'pages');
  });
});
