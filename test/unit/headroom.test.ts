/**
 * Headroom against more failures (docs/language.md §7): the region holding
 * most instances, and the busiest other member of an alternatives group.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../core/index';

const finding = (text: string, code: string) => analyseText(text).diagnostics.find((d) => d.code === code);

test('a -> b | c at 83% each: losing c puts b at 167%, which is no-headroom', () => {
  const text = `system s {
  users web { rps: 1000 }
  service a { replicas: 2 }
  service b { capacity: 600 rps }
  service c { capacity: 600 rps }
  web -> a
  a -> b | c
}`;
  const a = analyseText(text);
  const b = a.systems[0].components.find((c) => c.name === 'b')!;
  assert.ok(Math.abs(b.utilisation! - 500 / 600) < 1e-12);
  assert.ok(Math.abs(b.headroomUtilisation! - 1000 / 600) < 1e-12, String(b.headroomUtilisation));
  assert.deepEqual(b.headroomLoss, { kind: 'alternative', name: 'c' });
  const f = finding(text, 'no-headroom');
  assert.ok(f, a.diagnostics.map((d) => d.code).join());
  assert.match(f!.message, /'b' has no headroom: losing alternative 'c' puts it at 167% of capacity/);
});

test('three alternatives: the lost member\'s share is split over the two left', () => {
  const a = analyseText(`system s {
  users web { rps: 900 }
  service a { replicas: 2 }
  service b { capacity: 1k rps }
  service c { capacity: 1k rps }
  service d { capacity: 2k rps }
  web -> a
  a -> b | c | d
}`);
  const b = a.systems[0].components.find((c) => c.name === 'b')!;
  // 300 each; b or c is the busiest other member of d; for b it is c (30% vs d's 15%): +150.
  assert.ok(Math.abs(b.headroomUtilisation! - 450 / 1000) < 1e-12, String(b.headroomUtilisation));
  assert.deepEqual(b.headroomLoss, { kind: 'alternative', name: 'c' });
});

test('spread over two regions: losing the region with most instances is the headroom case', () => {
  const text = `system s {
  users web { rps: 1000 }
  region us {
    zone us-a
    zone us-b
  }
  region eu {
    zone eu-a
  }
  service api { replicas: 3; capacity: 500 rps; zones: us-a, us-b, eu-a }
  web -> api
}`;
  const api = analyseText(text).systems[0].components.find((c) => c.name === 'api')!;
  // Two of three instances in us: one is left, at 200%.
  assert.deepEqual(api.headroomLoss, { kind: 'region', name: 'us' });
  assert.ok(Math.abs(api.headroomUtilisation! - 2) < 1e-12, String(api.headroomUtilisation));
  assert.match(finding(text, 'no-headroom')!.message, /losing region 'us' puts it at 200%/);
});
