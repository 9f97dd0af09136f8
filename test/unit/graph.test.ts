import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { depthFirst, entryRoots, findCycles, reachableFromEntries } from '../../core/analysis/graph';
import type { EdgeModel } from '../../core/model/types';
import { buildSystem, chain, component, edge } from './helpers/capacity-fixtures';

const show = (cycle: EdgeModel[]): string => [cycle[0].from, ...cycle.map((e) => e.to)].join(' -> ');
const sync = (e: EdgeModel): boolean => e.kind === 'sync' && !e.optional;

describe('reachableFromEntries', () => {
  const system = buildSystem(
    [
      component('web', 'users'),
      component('mobile', 'client'),
      component('api', 'service'),
      component('q', 'queue'),
      component('worker', 'worker'),
      component('recs', 'service'),
      component('orphan', 'service'),
    ],
    [
      edge('web', 'api'),
      edge('mobile', 'api'),
      edge('api', 'q'),
      edge('q', 'worker', { async: true }),
      edge('mobile', 'recs', { optional: true }),
      edge('orphan', 'api'),
    ],
  );
  const reached = reachableFromEntries(system);

  test('lists the entries that reach each component, through ~> and optional edges too', () => {
    assert.deepEqual(reached.get('api'), ['web', 'mobile']);
    assert.deepEqual(reached.get('worker'), ['web', 'mobile']);
    assert.deepEqual(reached.get('recs'), ['mobile']);
  });

  test('a component no entry reaches has an empty list; an entry reaches itself', () => {
    assert.deepEqual(reached.get('orphan'), []);
    assert.deepEqual(reached.get('web'), ['web']);
    assert.equal(reached.size, 7);
  });

  test('a filter narrows the walk: only non-optional -> edges make a component needed', () => {
    const needed = reachableFromEntries(system, (e) => e.kind === 'sync' && !e.optional);
    assert.deepEqual(needed.get('q'), ['web', 'mobile']);
    assert.deepEqual(needed.get('worker'), [], 'reached only through ~>');
    assert.deepEqual(needed.get('recs'), [], 'reached only through an optional edge');
  });

  test('edges to undeclared components are skipped, not thrown on', () => {
    const broken = buildSystem([component('u', 'users'), component('a', 'service')], [edge('u', 'ghost'), edge('u', 'a')]);
    assert.deepEqual(reachableFromEntries(broken).get('a'), ['u']);
  });
});

describe('findCycles', () => {
  test('a three-component cycle is reported once, closing edge last', () => {
    const system = buildSystem(
      [component('u', 'users'), component('a', 'service'), component('b', 'service'), component('c', 'service')],
      [edge('u', 'a'), ...chain(['a', 'b', 'c', 'a'])],
    );
    const cycles = findCycles(system, sync);
    assert.deepEqual(cycles.map(show), ['a -> b -> c -> a']);
    assert.deepEqual(findCycles(system, sync).map(show), cycles.map(show), 'deterministic');
  });

  test('self-loops and separate cycles are each reported, even where no entry reaches', () => {
    const system = buildSystem(
      [component('u', 'users'), component('a', 'service'), component('b', 'service'), component('x', 'service'), component('y', 'service')],
      [edge('u', 'a'), edge('a', 'a'), edge('a', 'b'), edge('b', 'a'), edge('x', 'y'), edge('y', 'x')],
    );
    assert.deepEqual(findCycles(system, sync).map(show), ['a -> a', 'a -> b -> a', 'x -> y -> x']);
  });

  test('the filter decides which edges count: a cycle through ~> or optional is not a sync cycle', () => {
    const system = buildSystem(
      [component('a', 'service'), component('b', 'service'), component('c', 'service')],
      [edge('a', 'b'), edge('b', 'a', { async: true }), edge('b', 'c'), edge('c', 'b', { optional: true })],
    );
    assert.deepEqual(findCycles(system, sync), []);
    assert.equal(findCycles(system, () => true).length, 2);
  });

  test('a 10,000-component cycle does not overflow the stack', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `s${i}`);
    const system = buildSystem(
      names.map((n) => component(n, 'service')),
      chain([...names, names[0]]),
    );
    const cycles = findCycles(system, sync);
    assert.equal(cycles.length, 1);
    assert.equal(cycles[0].length, 10_000);
  });
});

describe('depthFirst', () => {
  test('reverse post-order puts every caller before what it calls', () => {
    const system = buildSystem(
      [component('u', 'users'), component('d', 'service'), component('b', 'service'), component('c', 'service')],
      [edge('u', 'b'), edge('u', 'c'), edge('b', 'd'), edge('c', 'd'), edge('c', 'b')],
    );
    const search = depthFirst(system, () => true, entryRoots(system));
    const order = [...search.postorder].reverse().map((i) => search.components[i].name);
    const at = (name: string) => order.indexOf(name);
    for (const e of system.edges) assert.ok(at(e.from) < at(e.to), `${e.from} before ${e.to} in ${order}`);
    assert.deepEqual(search.backEdges, []);
  });
});
