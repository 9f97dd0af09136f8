/**
 * The rules that read figures analyseSystem now computes once and shares
 * (zones a region confines, sync cycles from latency's search, "needed by"
 * and "reached by" by component index), and `sysd-ignore` ranges that nest.
 * Each test states what a user reads in the Problems list.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText, type Analysis } from '../../../core/index';
import { applyIgnores } from '../../../core/model/ignores';
import { hasCode, type Diagnostic } from '../../../core/diagnostic';
import type { DiagnosticCode } from '../../../core/codes';

const findings = <C extends DiagnosticCode>(a: Analysis, code: C) => a.diagnostics.filter((d): d is Diagnostic<C> => hasCode(d, code));
const at = (a: Analysis, d: Diagnostic) => a.text.slice(d.range.start, d.range.end);

describe('zone-spof', () => {
  const text = `system s {
  users web { rps: 10 }
  region east {
    availability: 99.9%
    zone e1 { availability: 99.9% }
    zone e2 { availability: 99.9% }
  }
  zone lone { availability: 99.9% }
  service api { replicas: 2; zones: e1, e2 }
  service only-e1 { replicas: 2; zones: e1 }
  service elsewhere { replicas: 2; zones: e1, lone }
  web -> api -> only-e1
  api -> elsewhere
}`;
  const a = analyseText(text);

  test('a region names the components living only in it, zone by zone or as a whole', () => {
    const region = findings(a, 'zone-spof').find((d) => at(a, d) === 'east');
    assert.ok(region, 'the region is a single point of failure');
    assert.deepEqual(region.data?.components, ['api', 'only-e1'], 'elsewhere also runs in zone lone');
    assert.match(region.message, /spread 'api' and 'only-e1' over more than one region/);
    assert.deepEqual(region.related?.map((r) => a.text.slice(r.range.start, r.range.end)), ['api', 'only-e1']);
    assert.deepEqual(region.data?.zones, ['e1', 'e2', 'lone']);
  });

  test('a zone names only what runs in that zone alone', () => {
    const zone = findings(a, 'zone-spof').find((d) => at(a, d) === 'e1');
    assert.ok(zone, 'zone e1 holds only-e1, which the entry needs');
    assert.deepEqual(zone.data?.components, ['only-e1']);
  });

  test('sysd-ignore on a zone inside the region silences that zone and leaves the region', () => {
    assert.deepEqual(findings(a, 'zone-spof').map((d) => at(a, d)), ['east', 'e1']);
    const ignored = analyseText(text.replace('    zone e1 {', '    // sysd-ignore zone-spof\n    zone e1 {'));
    assert.deepEqual(findings(ignored, 'zone-spof').map((d) => at(ignored, d)), ['east']);
    assert.deepEqual(findings(ignored, 'zone-spof')[0].data?.components, ['api', 'only-e1']);
  });
});

describe('sync-cycle, cold-standby and unreachable', () => {
  const a = analyseText(`system s {
  users web { rps: 10 }
  service a
  service b
  service c
  database db { replicas: 2; mode: active-passive; standby: cold }
  database spare { replicas: 2; mode: active-passive; standby: cold }
  service orphan
  web -> a -> b -> c -> a
  b -> db
  c -> spare { optional }
}`);

  test('a cycle of -> edges is reported once on its closing edge, with the others related', () => {
    const [cycle, ...rest] = findings(a, 'sync-cycle');
    assert.deepEqual(rest, []);
    assert.match(cycle.message, /a -> b -> c -> a/);
    assert.equal(at(a, cycle), 'a');
    assert.deepEqual(cycle.related?.map((r) => r.message), ['a -> b', 'b -> c']);
  });

  test('a cold standby is flagged only where an entry needs it (not behind an optional call)', () => {
    assert.deepEqual(findings(a, 'cold-standby').map((d) => at(a, d)), ['standby: cold']);
    assert.match(findings(a, 'cold-standby')[0].message, /'db' has a cold standby on a path 'web' needs/);
  });

  test('what no entry reaches is unreachable, and the figures say who reaches the rest', () => {
    assert.deepEqual(findings(a, 'unreachable').map((d) => at(a, d)), ['orphan']);
    const reached = Object.fromEntries(a.systems[0].components.map((c) => [c.name, c.reachedBy]));
    assert.deepEqual(reached, { web: ['web'], a: ['web'], b: ['web'], c: ['web'], db: ['web'], spare: ['web'], orphan: [] });
  });
});

describe('applyIgnores', () => {
  const d = (code: string, start: number): Diagnostic => ({ code: code as Diagnostic['code'], severity: 'warning', message: code, range: { start, end: start + 1 } });
  const ignores = [
    { range: { start: 0, end: 100 }, codes: new Set(['spof']) },
    { range: { start: 10, end: 20 }, codes: new Set(['hot']) },
    { range: { start: 40, end: 50 }, codes: new Set(['spof', 'hot']) },
  ];

  test('a range silences its codes from its start up to (not including) its end, nested ranges too', () => {
    const kept = applyIgnores([d('spof', 30), d('hot', 30), d('hot', 15), d('spof', 100), d('hot', 49), d('hot', 50), d('overload', 15)], ignores);
    assert.deepEqual(kept.map((k) => `${k.code}@${k.range.start}`), ['hot@30', 'spof@100', 'hot@50', 'overload@15']);
  });

  test('agrees with checking every range, on random ranges', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const codes = ['spof', 'hot', 'overload'];
    for (let round = 0; round < 50; round++) {
      const random = Array.from({ length: rnd(8) + 1 }, () => {
        const start = rnd(200);
        return { range: { start, end: start + rnd(60) }, codes: new Set(codes.filter(() => rnd(2) === 0)) };
      });
      const all = Array.from({ length: 100 }, () => d(codes[rnd(3)], rnd(260)));
      const expected = all.filter((x) => !random.some((i) => i.codes.has(x.code) && x.range.start >= i.range.start && x.range.start < i.range.end));
      assert.deepEqual(applyIgnores(all, random), expected, `round ${round}`);
    }
  });
});
