/**
 * The model builder as a user sees it: units normalised, defaults applied,
 * placement in zones and regions resolved, edge statements turned into the
 * right edges and dependency groups, and names checked across the system.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../grammar/parse';
import { buildModel } from '../../core/model/build';

function model(text: string) {
  const { ast, diagnostics } = parse(text);
  const built = buildModel(ast, text);
  return { system: built.systems[0], diagnostics: [...diagnostics, ...built.diagnostics], text };
}
function clean(text: string) {
  const m = model(text);
  assert.deepEqual(m.diagnostics.map((d) => d.message), [], 'no diagnostics expected');
  return m.system;
}
const at = (m: ReturnType<typeof model>) => m.diagnostics.map((d) => [d.code, m.text.slice(d.range.start, d.range.end)]);

describe('values are normalised', () => {
  test('percentages become fractions, durations seconds, rates requests per second', () => {
    const s = clean('system s { slo: 99.95%; latency-slo: 300ms\n service a { availability: 99.9%; latency: 25ms; failover: 2min; mttr: 2h; capacity: 600 rpm }\n users u { rps: 2k qps; peak: 6k } }');
    const a = s.componentsByName.get('a')!;
    assert.equal(s.slo, 0.9995);
    assert.equal(s.latencySlo, 0.3);
    assert.deepEqual([a.availability, a.latency, a.failover, a.mttr, a.capacity], [0.999, 0.025, 120, 7200, 10]);
    assert.deepEqual([s.componentsByName.get('u')!.rps, s.componentsByName.get('u')!.peak], [2000, 6000]);
  });

  test('mtbf and mttr give the availability', () => {
    const a = clean('system s { service a { mtbf: 99h; mttr: 1h } }').componentsByName.get('a')!;
    assert.equal(a.availability, 0.99);
  });
});

describe('defaults of docs/language.md §4-5', () => {
  test('a bare component gets one replica, active-active, 99.9%, hot standby of 10 s', () => {
    const a = clean('system s { service a }').componentsByName.get('a')!;
    assert.deepEqual([a.replicas, a.minUp, a.mode, a.availability, a.standby, a.failover, a.mttr, a.latency], [1, 1, 'active-active', 0.999, 'hot', 10, 3600, 0]);
    assert.ok(a.assumed.has('replicas') && a.assumed.has('availability'));
  });

  test('databases and storage default to active-passive, async replication when replicated', () => {
    const s = clean('system s { database db { replicas: 2 }\n storage st\n service svc { replicas: 2 } }');
    assert.deepEqual(['db', 'st', 'svc'].map((n) => [s.componentsByName.get(n)!.mode, s.componentsByName.get(n)!.replication]), [['active-passive', 'async'], ['active-passive', 'none'], ['active-active', 'none']]);
  });

  test('a cold standby fails over in 10 minutes unless told otherwise; peak defaults to rps', () => {
    const s = clean('system s { lb a { standby: cold }\n users u { rps: 5 } }');
    assert.equal(s.componentsByName.get('a')!.failover, 600);
    assert.equal(s.componentsByName.get('u')!.peak, 5);
  });
});

describe('placement in groups', () => {
  const text = 'system s {\n region eu {\n  zone a\n  zone b\n  service in-zone-later\n  zone c { service in-c }\n }\n service pinned { zones: b, a }\n}';

  test('a component in a region spreads over all its zones, even zones declared after it', () => {
    const s = clean(text);
    assert.deepEqual(s.componentsByName.get('in-zone-later')!.zones, ['a', 'b', 'c']);
    assert.equal(s.componentsByName.get('in-zone-later')!.region, 'eu');
  });

  test('a component in a zone runs there; zones: keeps the written order', () => {
    const s = clean(text);
    assert.deepEqual(s.componentsByName.get('in-c')!.zones, ['c']);
    assert.deepEqual(s.componentsByName.get('pinned')!.zones, ['b', 'a']);
    assert.equal(s.groupsByName.get('c')!.parent, 'eu');
    assert.deepEqual(s.groupsByName.get('eu')!.zones, ['a', 'b', 'c']);
  });

  test('zones: naming a region or nothing is an unknown reference with a suggestion', () => {
    const m = model('system s { region eu { zone eu-a }\n service x { zones: eu, eu-b } }');
    assert.deepEqual(at(m), [['unknown-reference', 'eu'], ['unknown-reference', 'eu-b']]);
    assert.match(m.diagnostics[1].message, /did you mean 'eu-a'\?/);
  });
});

describe('edges', () => {
  const base = 'system s { service a; service b; service c; service d\n';

  test('a chain makes one edge per arrow; fan-out one dependency group per target', () => {
    const s = clean(base + 'a -> b -> c\n a -> c, d }');
    assert.deepEqual(s.edges.map((e) => `${e.from}>${e.to}`), ['a>b', 'b>c', 'a>c', 'a>d']);
    assert.deepEqual(s.dependencies.get('a')!.map((g) => g.targets), [['b'], ['c'], ['d']]);
  });

  test('fan-in makes an edge from each source; alternatives one group with every target', () => {
    const s = clean(base + 'a, b -> c | d }');
    assert.deepEqual(s.edges.map((e) => [e.from, e.to, e.alternative]), [['a', 'c', true], ['a', 'd', true], ['b', 'c', true], ['b', 'd', true]]);
    assert.deepEqual(s.dependencies.get('b')!.map((g) => g.targets), [['c', 'd']]);
  });

  test("'~>' makes async edges and the statement's properties apply to every edge", () => {
    const s = clean(base + 'a ~> b, c "publish" { optional; latency: 5ms; retries: 2 } }');
    assert.deepEqual(s.edges.map((e) => [e.kind, e.optional, e.latency, e.retries, e.label]), [['async', true, 0.005, 2, 'publish'], ['async', true, 0.005, 2, 'publish']]);
  });

  test('references may come before declarations; unknown ones get a did-you-mean and drop only that edge', () => {
    const m = model('system s { api -> dbb; api -> db\n service api; database db }');
    assert.deepEqual(at(m), [['unknown-reference', 'dbb']]);
    assert.match(m.diagnostics[0].message, /did you mean 'db'\?/);
    assert.deepEqual(m.system.edges.map((e) => e.to), ['db']);
  });
});

describe('names and properties', () => {
  test('names are unique across components, zones and regions, with the first declaration related', () => {
    const m = model('system s { zone api\n service api }');
    assert.deepEqual(at(m), [['duplicate-name', 'api']]);
    assert.equal(m.text.slice(m.diagnostics[0].related![0].range.start, m.diagnostics[0].related![0].range.end), 'api');
    assert.equal(m.diagnostics[0].related![0].range.start, m.text.indexOf('api'));
  });

  test('a property in the wrong place says where it belongs; a typo gets a suggestion', () => {
    const m = model('system s { service a { share: 10%; replicaz: 2; hit: 5% } }');
    assert.deepEqual(m.diagnostics.map((d) => d.message), [
      "'share' is not a property of a service (it belongs on an edge)",
      "'replicaz' is not a property of a service; did you mean 'replicas'? Until it is fixed, the figures use the default for 'replicas'.",
      "'hit' is not a property of a service: it applies only to cache components",
    ]);
  });

  test('a word cut short gets the one property or severity it begins; an ambiguous beginning gets none', () => {
    const m = model('system s {\n lint { spof: warn }\n service a { cap: 5k rps; re: 1 }\n database d { repl: 2 } }');
    assert.deepEqual(m.diagnostics.map((d) => d.message), [
      "'spof' takes one of error, warning, info, hint or off, not warn; did you mean 'warning'?",
      "'cap' is not a property of a service; did you mean 'capacity'?",
      "'re' is not a property of a service",
      "'repl' is not a property of a database", // replicas or replication?
    ]);
  });

  test("'zone' or 'region' inside a component's block is an unknown property with a suggestion, and the block still closes", () => {
    const m = model('system s { service a { replicas: 2\n zone }\n service b { region } }');
    assert.deepEqual(at(m), [['unknown-property', 'zone'], ['unknown-property', 'region']]);
    assert.equal(m.diagnostics[0].message, "'zone' is not a property of a service; did you mean 'zones'?");
    assert.equal(m.system.componentsByName.get('b')?.name, 'b');
  });

  test('min-up above replicas and a fraction where a percentage is due are invalid values', () => {
    const m = model('system s { slo: 0.999\n service a { replicas: 2; min-up: 3 } }');
    assert.deepEqual(at(m), [['invalid-value', '0.999'], ['invalid-value', 'min-up: 3']]);
    assert.match(m.diagnostics[0].message, /write 99.9% for 0.999/);
  });

  test('a peak below rps is an invalid value at the peak, and the figures use rps as the peak', () => {
    const m = model('system s { users web { rps: 100; peak: 50 } }');
    assert.deepEqual(at(m), [['invalid-value', '50']]);
    assert.match(m.diagnostics[0].message, /'peak' \(50\) is below 'rps'/);
    assert.equal(m.system.componentsByName.get('web')!.peak, 100);
    assert.deepEqual(at(model('system s { users web { rps: 100; peak: 100 } }')), [], 'a peak equal to rps is fine');
  });

  test('a flag after a single value is explained, not just counted', () => {
    const m = model('system s { service a { replicas: 2, stateful } }');
    assert.match(m.diagnostics[0].message, /put ';' or a new line before 'stateful'/);
  });

  test('lint severities are read, and unknown codes or severities are reported', () => {
    const m = model('system s { lint { spof: error; no-capacity: off; spfo: off; hot: loud } }');
    assert.deepEqual([...m.system.lint], [['spof', 'error'], ['no-capacity', 'off']]);
    assert.deepEqual(at(m), [['unknown-property', 'spfo'], ['invalid-value', 'loud']]);
  });
});
