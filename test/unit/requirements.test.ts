/**
 * A cache is transparent (docs/language.md §6): `api -> redis { optional }`
 * with `redis -> orders` still needs `orders`, because a miss, or a cache
 * that is down, goes on to it. SPOF, zone-SPOF, availability and "needed by"
 * all follow from the one definition of requirement groups. And optional
 * calls count for latency (§8): they are still made on every request.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../core/index';

const READ_THROUGH = `system s {
  latency-slo: 1s
  users web { rps: 10 }
  zone z1 { availability: 99.9% }
  zone z2 { availability: 99.9% }
  service api { replicas: 2; zones: z1, z2; latency: 10ms }
  cache redis { hit: 80%; replicas: 2; zones: z1, z2; latency: 1ms }
  database orders { zones: z1; latency: 20ms; standby: cold }
  web -> api
  api -> redis { optional }
  redis -> orders
}`;

const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300), `${what}: ${a} vs ${b}`);

test('a read-through cache: the single database behind it is a SPOF and its downtime counts', () => {
  const a = analyseText(READ_THROUGH);
  const s = a.systems[0];
  const orders = s.components.find((c) => c.name === 'orders')!;
  assert.equal(orders.spof, true);
  assert.deepEqual(orders.breaks, ['web']);
  assert.ok(a.diagnostics.some((d) => d.code === 'spof' && a.text.slice(d.range.start, d.range.end) === 'orders'));
  // The zone holding the only orders instance is a zone-SPOF too.
  assert.ok(a.diagnostics.some((d) => d.code === 'zone-spof' && a.text.slice(d.range.start, d.range.end) === 'z1'));
  // The entry's availability counts orders (and its zone), and never the cache itself.
  const withoutOrders = analyseText(READ_THROUGH.replace('  redis -> orders\n', '')).systems[0].availability!.value;
  const api = s.components.find((c) => c.name === 'api')!.availability;
  near(withoutOrders, api, 'no downstream: the cache is optional');
  assert.ok(s.availability!.value < withoutOrders - 1e-4, `${s.availability!.value} counts orders' downtime`);
});

test('a cache with hit: 100% answers everything: what it calls is not needed', () => {
  const a = analyseText(READ_THROUGH.replace('hit: 80%', 'hit: 100%'));
  const orders = a.systems[0].components.find((c) => c.name === 'orders')!;
  assert.equal(orders.spof, false);
});

test('an optional call to a service (not a cache) is still not a requirement', () => {
  const a = analyseText(READ_THROUGH.replace('cache redis { hit: 80%;', 'service redis {'));
  assert.equal(a.systems[0].components.find((c) => c.name === 'orders')!.spof, false);
});

test('caches calling each other in a cycle end: a cache on the way is not entered twice', () => {
  const a = analyseText(`system s {
  users web { rps: 10 }
  service api { replicas: 2 }
  cache c1 { hit: 50%; replicas: 2 }
  cache c2 { hit: 50%; replicas: 2 }
  database db
  web -> api
  api -> c1 { optional }
  c1 -> c2 { optional }
  c2 -> c1 { optional }
  c2 -> db
}`);
  assert.equal(a.systems[0].components.find((c) => c.name === 'db')!.spof, true);
});

test('a cold standby behind an optional cache is on a path the entry needs', () => {
  const a = analyseText(READ_THROUGH.replace('database orders { zones: z1;', 'database orders { replicas: 2; mode: active-passive; zones: z1;'));
  assert.ok(a.diagnostics.some((d) => d.code === 'cold-standby'), a.diagnostics.map((d) => d.code).join());
});

test('optional calls count for latency: api + cache + (1 − hit) × database', () => {
  const e = analyseText(READ_THROUGH).systems[0].entries[0];
  near(e.latency, 0.010 + 0.001 + 0.2 * 0.020, 'latency');
  assert.deepEqual(e.latencyPath, ['web', 'api', 'redis', 'orders']);
});
