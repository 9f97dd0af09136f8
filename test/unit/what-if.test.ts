/**
 * What-if (core/analysis/what-if.ts) against cases computed by hand from
 * docs/language.md §6–§7: a zone of the checkout example, a region of the
 * multi-region example, single components, and no failure at all (which must
 * give the analysis's own figures, since what-if has no definitions of its own).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyseText } from '../../core/index';
import { whatIf, type WhatIfResult } from '../../core/analysis/what-if';

function example(name: string) {
  const analysis = analyseText(readFileSync(new URL(`../../examples/${name}.sysd`, import.meta.url), 'utf8'));
  return { system: analysis.model.systems[0], normal: analysis.systems[0] };
}

/** Relative tolerance of docs/language.md §8. */
function near(actual: number | undefined, expected: number, what: string): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-300), `${what}: expected ${expected}, got ${actual}`);
}

const component = (r: WhatIfResult, name: string) => r.components.find((c) => c.name === name)!;
const entry = (r: WhatIfResult, name: string) => r.entries.find((e) => e.name === name)!;

describe('what-if: zone use1-a of the checkout example fails', () => {
  const { system, normal } = example('checkout');
  const r = whatIf(system, normal, { components: [], groups: ['use1-a'] });

  test('nothing is lost: every component keeps an instance in use1-b', () => {
    assert.deepEqual(r.lost, []);
    assert.deepEqual(r.unservedEntries, []);
    assert.equal(entry(r, 'shoppers').served, true);
    assert.equal(component(r, 'api').instances, 2);
    assert.equal(component(r, 'events').instances, 1);
  });

  test('the shoppers are served only while use1-b and every remaining single instance are up', () => {
    // Instance i runs in zones[i mod 2]: alb keeps 1 of 2 (one instance: no failover penalty),
    // api 2 of 4, events 1 of 3 (instances 0 and 2 were in use1-a).
    const b = 0.9999;
    const route53 = 0.9999;
    const edge = 0.9999;
    const alb = 0.999;
    const api = 1 - 0.001 ** 2;
    const stripe = 0.9999;
    const events = 0.999;
    // orders is needed behind the optional cache (docs/language.md §6) and keeps 1 of 2.
    const orders = 0.999;
    const served = b * route53 * edge * alb * api * stripe * events * orders;
    near(entry(r, 'shoppers').availability.value, served, 'shoppers');
    near(r.availability?.value, served, 'system');
    assert.equal(r.availability?.exactness.method, 'exact');
    near(component(r, 'alb').availability, b * 0.999, 'alb up given use1-a down');
  });

  test('api carries the whole peak on the two instances left: 6k / (2 × 2.5k) = 120%', () => {
    near(component(r, 'api').peakLoad, 6000, 'api peak');
    near(component(r, 'api').capacity, 5000, 'api capacity');
    near(component(r, 'api').utilisation, 1.2, 'api utilisation');
    assert.equal(component(r, 'api').utilisationLevel, 'overload');
    // Components without zones, and the single active orders instance, carry what they carried.
    for (const name of ['redis', 'orders', 'fulfil']) {
      near(component(r, name).utilisation, normal.components.find((c) => c.name === name)!.utilisation!, name);
    }
  });

  test('alb, orders and events are left with one instance each on the shoppers path: new SPOFs', () => {
    for (const name of ['alb', 'orders', 'events', 'route53', 'edge', 'stripe']) assert.ok(r.spofs.includes(name), `${name} in ${r.spofs}`);
    assert.ok(!r.spofs.includes('api'), 'api still has two instances');
  });

  test('the summary says what failed, who is served and what is over capacity', () => {
    // The overload the failure caused comes before one that was there already.
    assert.match(r.summary, /^zone use1-a down: shoppers still served; api at 120% of capacity/);
    // orders is needed behind the optional cache (docs/language.md §6), so one surviving instance is a SPOF.
    assert.match(r.summary, /new SPOFs: alb, orders, events and zone use1-b$/);
  });

  test('use1-b alone now takes the shoppers down; the region already did', () => {
    assert.deepEqual(r.zoneSpofs, [
      { name: 'us-east', breaks: ['shoppers'] },
      { name: 'use1-b', breaks: ['shoppers'] },
    ]);
  });
});

describe('what-if: region us-east of the multi-region example fails', () => {
  const { system, normal } = example('multi-region');
  const r = whatIf(system, normal, { components: [], groups: ['us-east'] });

  /** P(the EU stack serves): region up, then k of its three zones up; one lb, four api and one db instance per zone. */
  function euServed(): number {
    const zone = 0.999;
    let sum = 0;
    for (let k = 1; k <= 3; k++) {
      const ways = k === 2 ? 3 : k === 1 ? 3 : 1;
      const pZones = ways * zone ** k * (1 - zone) ** (3 - k);
      sum += pZones * (1 - 0.001 ** k) * (1 - 0.001 ** (4 * k)) * (1 - 0.001 ** k);
    }
    return 0.9995 * sum;
  }
  const geoDns = 1 - 0.0001 ** 4;

  test('everything in the region is lost, and the editors with it', () => {
    assert.deepEqual(r.lost, ['editors', 'admin', 'us-lb', 'us-api', 'us-cache', 'us-db']);
    assert.deepEqual(r.unservedEntries, ['editors']);
    assert.equal(entry(r, 'editors').availability.value, 0);
    assert.equal(entry(r, 'editors').availability.unavailability, 1);
    assert.equal(component(r, 'us-api').down, true);
  });

  test('the apps are served through the EU stack alone', () => {
    const apps = geoDns * euServed();
    near(entry(r, 'apps').availability.value, apps, 'apps');
    near(entry(r, 'apps').availability.unavailability, 1 - apps, 'apps unavailability');
    // rps-weighted: 12k apps, 5 editors at 0.
    near(r.availability?.value, (12_000 * apps) / 12_005, 'system');
  });

  test('the alternatives group sends the whole peak to the EU', () => {
    near(component(r, 'eu-lb').peakLoad, 40_000, 'eu-lb peak');
    near(component(r, 'eu-lb').utilisation, 40_000 / 90_000, 'eu-lb');
    near(component(r, 'eu-api').utilisation, 40_000 / 48_000, 'eu-api');
    // The cache passes 10% of 40k on, and the personalised rows are another 10%.
    near(component(r, 'eu-db').peakLoad, 8_000, 'eu-db peak');
    near(component(r, 'geo-dns').utilisation, 0.1, 'geo-dns');
    assert.equal(component(r, 'us-lb').peakLoad, 0);
    assert.equal(r.components.some((c) => c.utilisationLevel === 'overload'), false);
    // 83% is above the system's max-utilisation of 60%: hot, as the rules would say.
    assert.equal(component(r, 'eu-api').utilisationLevel, 'hot');
    assert.deepEqual(r.spofs, []);
  });

  test('the EU region alone now takes the apps down; none of its zones does', () => {
    assert.deepEqual(r.zoneSpofs, [{ name: 'eu-west', breaks: ['apps'] }]);
  });

  test('the summary names the lost entry, the busiest survivor and the new SPOF', () => {
    assert.equal(r.summary, 'region us-east down: editors no longer served; apps still served; nothing over capacity (busiest: eu-api at 83%); new SPOF: region eu-west');
  });
});

describe('what-if: one component fails', () => {
  test('us-api down: the US load balancer is lost with it, the apps move to the EU, the editors are untouched', () => {
    const { system, normal } = example('multi-region');
    const r = whatIf(system, normal, { components: ['us-api'], groups: [] });
    assert.deepEqual(r.lost, ['us-lb', 'us-api']);
    assert.deepEqual(r.unservedEntries, []);
    near(component(r, 'eu-lb').peakLoad, 40_000, 'eu-lb peak');
    // Only the editors' 20 rps peak still reaches the US database.
    near(component(r, 'us-db').peakLoad, 20, 'us-db peak');
    near(entry(r, 'editors').availability.value, normal.entries.find((e) => e.name === 'editors')!.availability.value, 'editors');
    assert.match(r.summary, /^us-api down: apps and editors still served/);
  });

  test('redis down in checkout: the misses and the hits go to orders, as the cache-failure figure says', () => {
    const { system, normal } = example('checkout');
    const r = whatIf(system, normal, { components: ['redis'], groups: [] });
    assert.deepEqual(r.lost, ['redis']);
    assert.deepEqual(r.unservedEntries, []);
    // 6k at peak reach the cache; with it down all of it goes on to orders: 6k / 3k.
    near(component(r, 'orders').peakLoad, 6000, 'orders peak');
    near(component(r, 'orders').utilisation, 2, 'orders utilisation');
    near(component(r, 'orders').utilisation, normal.components.find((c) => c.name === 'orders')!.cacheFailureUtilisation!, 'the analysis\'s cache-failure figure');
    assert.match(r.summary, /^redis down: shoppers still served; orders at 200% of capacity/);
  });

  test('api down in checkout: the shoppers lose service and no load flows', () => {
    const { system, normal } = example('checkout');
    const r = whatIf(system, normal, { components: ['api'], groups: [] });
    assert.deepEqual(r.lost, ['shoppers', 'edge', 'alb', 'api']);
    assert.deepEqual(r.unservedEntries, ['shoppers']);
    assert.equal(r.availability?.value, 0);
    assert.equal(r.components.every((c) => c.peakLoad === 0), true);
    assert.match(r.summary, /^api down: shoppers no longer served/);
  });

  test('an entry named in the scenario sends nothing; unknown names are reported, not thrown', () => {
    const { system, normal } = example('multi-region');
    const r = whatIf(system, normal, { components: ['editors', 'nope'], groups: ['mars'] });
    assert.deepEqual(r.unservedEntries, ['editors']);
    assert.deepEqual(r.unknown, ['mars', 'nope']);
    near(component(r, 'admin').peakLoad, 0, 'admin');
    assert.match(r.summary, /not in the model: mars and nope/);
  });
});

describe('what-if: past the exact budget', () => {
  test('a served entry\'s figure is an estimate that says so; an entry no longer served is exactly 0', () => {
    const { system, normal } = example('multi-region');
    const r = whatIf(system, normal, { components: [], groups: ['us-east'] }, { exactUnits: 0 });
    const apps = entry(r, 'apps').availability;
    assert.equal(apps.exactness.method, 'monte-carlo');
    assert.equal(r.availability?.exactness.method, 'monte-carlo');
    assert.deepEqual(entry(r, 'editors').availability, { value: 0, unavailability: 1, exactness: { method: 'exact' } });
    // The same work budget gives the same estimate: nothing depends on the clock.
    const again = whatIf(system, normal, { components: [], groups: ['us-east'] }, { exactUnits: 0 });
    assert.deepEqual(entry(again, 'apps').availability, apps);
  });
});

describe('what-if: no failure gives the analysis its own figures', () => {
  for (const name of ['checkout', 'multi-region', 'three-tier', 'payments', 'event-pipeline']) {
    test(name, () => {
      const { system, normal } = example(name);
      const r = whatIf(system, normal, { components: [], groups: [] });
      assert.deepEqual(r.lost, []);
      if (normal.availability !== undefined) near(r.availability?.value, normal.availability.value, 'system');
      for (const c of normal.components) {
        const w = component(r, c.name);
        near(w.peakLoad, c.peakLoad, `${c.name} peak`);
        if (c.utilisation !== undefined) near(w.utilisation, c.utilisation, `${c.name} utilisation`);
        near(w.availability, c.availability, `${c.name} availability`);
        assert.equal(w.spof, c.spof, `${c.name} spof`);
      }
    });
  }
});
