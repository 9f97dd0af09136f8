import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { computeLatency } from '../../core/analysis/latency';
import { buildModel } from '../../core/model/build';
import { parse } from '../../grammar/parse';
import { buildSystem, chain, component, edge } from './helpers/capacity-fixtures';

function near(actual: number | undefined, expected: number, what: string): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9, `${what}: expected ${expected}, got ${actual}`);
}

describe('latency', () => {
  test('a chain adds each component and each hop', () => {
    const { entries, components } = computeLatency(
      buildSystem(
        [
          component('u', 'users'),
          component('lb', 'lb', { latency: 0.001 }),
          component('api', 'service', { latency: 0.025 }),
          component('db', 'database', { latency: 0.005 }),
        ],
        [edge('u', 'lb'), edge('lb', 'api', { latency: 0.002 }), edge('api', 'db', { latency: 0.003 })],
      ),
    );
    near(entries.get('u')!.latency, 0.036, 'entry latency');
    assert.deepEqual(entries.get('u')!.path, ['u', 'lb', 'api', 'db']);
    near(components.get('api'), 0.033, 'from api onward');
    near(components.get('db'), 0.005, 'db alone');
  });

  test('a cache counts itself in full and its downstream weighted by misses', () => {
    const { entries } = computeLatency(
      buildSystem(
        [
          component('u', 'users'),
          component('app', 'service', { latency: 0.01 }),
          component('cache', 'cache', { latency: 0.001, hit: 0.8 }),
          component('db', 'database', { latency: 0.02 }),
        ],
        [edge('u', 'app'), edge('app', 'cache'), edge('cache', 'db', { latency: 0.005 })],
      ),
    );
    // 10 ms + 1 ms + 20% × (5 ms + 20 ms) = 16 ms.
    near(entries.get('u')!.latency, 0.016, 'entry latency');
    assert.deepEqual(entries.get('u')!.path, ['u', 'app', 'cache', 'db']);
  });

  test('the worst alternative and the slowest fan-out branch count, not their sum', () => {
    const { entries } = computeLatency(
      buildSystem(
        [
          component('u', 'users'),
          component('api', 'service', { latency: 0.01 }),
          component('primary', 'database', { latency: 0.002 }),
          component('replica', 'database', { latency: 0.03 }),
          component('search', 'service', { latency: 0.02 }),
        ],
        [edge('u', 'api'), edge('api', ['primary', 'replica']), edge('api', 'search')],
      ),
    );
    near(entries.get('u')!.latency, 0.04, 'api + slowest alternative');
    assert.deepEqual(entries.get('u')!.path, ['u', 'api', 'replica']);
  });

  test('optional calls count (they are still made); ~> edges add nothing', () => {
    const { entries } = computeLatency(
      buildSystem(
        [
          component('u', 'users'),
          component('api', 'service', { latency: 0.01 }),
          component('recs', 'service', { latency: 1 }),
          component('q', 'queue', { latency: 2 }),
        ],
        [edge('u', 'api'), edge('api', 'recs', { optional: true }), edge('api', 'q', { async: true })],
      ),
    );
    near(entries.get('u')!.latency, 1.01, 'entry latency');
    assert.deepEqual(entries.get('u')!.path, ['u', 'api', 'recs']);
  });

  test('the edge that closes a cycle is ignored', () => {
    const { entries, components } = computeLatency(
      buildSystem(
        [component('u', 'users'), component('a', 'service', { latency: 1 }), component('b', 'service', { latency: 2 })],
        [edge('u', 'a'), edge('a', 'b'), edge('b', 'a'), edge('b', 'b')],
      ),
    );
    near(entries.get('u')!.latency, 3, 'entry latency');
    assert.deepEqual(entries.get('u')!.path, ['u', 'a', 'b']);
    near(components.get('b'), 2, 'b onward');
  });

  test('a 10,000-component chain does not overflow the stack', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `s${i}`);
    const system = buildSystem(
      [component('u', 'users'), ...names.map((n) => component(n, 'service', { latency: 0.001 }))],
      [edge('u', names[0]), ...chain(names)],
    );
    const { entries } = computeLatency(system);
    assert.ok(Math.abs(entries.get('u')!.latency - 10) < 1e-6, `got ${entries.get('u')!.latency}`);
    assert.equal(entries.get('u')!.path.length, 10_001);
  });

  test('a wide diagram is computed once per component, not once per path', () => {
    // 40 layers of 2 fully connected components: 2^40 paths, 160 edges.
    const layers = Array.from({ length: 40 }, (_, i) => [`a${i}`, `b${i}`]);
    const edges = [edge('u', 'a0'), edge('u', 'b0')];
    for (let i = 1; i < layers.length; i++) {
      for (const from of layers[i - 1]) for (const to of layers[i]) edges.push(edge(from, to));
    }
    const system = buildSystem(
      [component('u', 'users'), ...layers.flat().map((n) => component(n, 'service', { latency: n.startsWith('a') ? 2 : 1 }))],
      edges,
    );
    // 2^40 paths: only a memoised walk finishes at all (the test's timeout guards a hang).
    near(computeLatency(system).entries.get('u')!.latency, 80, 'all the slow layers');
  });
});

test('latency from .sysd text: the slowest alternative, in seconds', () => {
  const text = `system s {
    users u
    service api { latency: 25ms }
    database a { latency: 5ms }
    database b { latency: 40ms }
    u -> api { latency: 2ms }
    api -> a | b
  }`;
  const parsed = parse(text);
  const model = buildModel(parsed.ast, text);
  assert.deepEqual([...parsed.diagnostics, ...model.diagnostics], []);
  const { entries } = computeLatency(model.systems[0]);
  near(entries.get('u')!.latency, 0.067, 'entry latency');
  assert.deepEqual(entries.get('u')!.path, ['u', 'api', 'b']);
});
