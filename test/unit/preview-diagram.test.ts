/**
 * `sysd/previewDiagram`, the server's side of the preview: the SVG without
 * its style, the ranges and tooltips of every element, positions kept when
 * only figures change, no diagram while the text does not parse.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyseText } from '../../core/index';
import { LineIndex } from '../../server/convert';
import type { Snapshot } from '../../server/documents';
import { disposeLayouter } from '../../server/features/export-svg';
import { componentHover } from '../../server/features/hover';
import { forgetPreview, plainText, previewDiagram } from '../../server/features/preview';
import { viewAt } from '../../core/lookup';

// The editor's wall-clock limits off: what this test sees must not depend on how busy the machine is (server/wall-clock.ts).
process.env.SYSD_WALL_CLOCK_LIMITS = 'off';

const checkout = readFileSync(new URL('../../examples/checkout.sysd', import.meta.url), 'utf8');
after(() => disposeLayouter());

let nextUri = 0;
function snapshotOf(text: string, version = 1, uri = `file:///t${nextUri}.sysd`): Snapshot {
  return { uri, version, text, lines: new LineIndex(text), analysis: analyseText(text), durationMs: 0 };
}

/** Each element's position in the SVG: the translate of its group. */
function positions(svg: string): Map<string, string> {
  return new Map([...svg.matchAll(/data-sysd="(?:component|zone|region)" data-name="([^"]+)"[^>]*transform="translate\(([^)]+)\)"/g)].map((m) => [m[1], m[2]]));
}

test('the SVG has no <style>, and every component, zone and region has its range and the hover as tooltip', async () => {
  const snap = snapshotOf(checkout);
  const r = await previewDiagram(snap, { uri: snap.uri });
  assert.equal(r.parses, true);
  assert.equal(r.system, 'checkout');
  assert.equal(r.version, 1);
  assert.doesNotMatch(r.svg!, /<style/);
  assert.deepEqual(r.elements.map((e) => `${e.kind}:${e.name}`), [
    'region:us-east', 'zone:use1-a', 'zone:use1-b',
    'component:shoppers', 'component:route53', 'component:edge', 'component:alb', 'component:api', 'component:redis',
    'component:orders', 'component:events', 'component:fulfil', 'component:stripe',
  ]);
  const api = r.elements.find((e) => e.name === 'api')!;
  assert.equal(checkout.slice(...api.nameRange), 'api');
  assert.match(checkout.slice(...api.range), /^service api "Checkout API" \{[\s\S]*\}$/);
  assert.equal(api.tooltip, plainText(componentHover(viewAt(snap.analysis, 0)!, 'api')!));
  assert.match(api.tooltip, /^service api — Checkout API\n\n• availability: /);
  assert.doesNotMatch(api.tooltip, /\*\*/);
  assert.deepEqual(r.elements.find((e) => e.name === 'route53')!.badges, ['spof']);
  forgetPreview(snap.uri);
});

test('an edit that changes only figures keeps every position; a new component lays out afresh', async () => {
  const uri = 'file:///stable.sysd';
  const first = await previewDiagram(snapshotOf(checkout, 1, uri), { uri });
  assert.equal(first.layout, 'new');
  // 2500 → 2000 rps per instance: api's utilisation changes, its box does not grow.
  const figures = checkout.replace('capacity: 2500 rps', 'capacity: 2000 rps');
  const second = await previewDiagram(snapshotOf(figures, 2, uri), { uri });
  assert.equal(second.layout, 'reused');
  assert.deepEqual(positions(second.svg!), positions(first.svg!));
  assert.notEqual(second.svg, first.svg, 'the figures changed');
  assert.match(second.svg!, /75%/);
  const grown = figures.replace('worker fulfil', 'service audit {}\n  worker fulfil').replace('api -> events', 'api -> audit\n  api -> events');
  const third = await previewDiagram(snapshotOf(grown, 3, uri), { uri });
  assert.equal(third.layout, 'new');
  assert.ok(third.elements.some((e) => e.name === 'audit'));
  forgetPreview(uri);
});

test('while the text does not parse there is no diagram, and the version says which text that is', async () => {
  const broken = checkout.replace('service api "Checkout API" {', 'service api "Checkout API {');
  const r = await previewDiagram(snapshotOf(broken, 9), { uri: 'file:///b.sysd' });
  assert.equal(r.parses, false);
  assert.equal(r.svg, undefined);
  assert.equal(r.version, 9);
});

test('a file with several systems lists them all and draws the one asked for, the first otherwise', async () => {
  const text = `${checkout}\nsystem other { users u { rps: 1 }\n service s {}\n u -> s }\n`;
  const snap = snapshotOf(text);
  const first = await previewDiagram(snap, { uri: snap.uri });
  assert.deepEqual(first.systems, ['checkout', 'other']);
  assert.equal(first.system, 'checkout');
  const other = await previewDiagram(snap, { uri: snap.uri, system: 'other' });
  assert.equal(other.system, 'other');
  assert.deepEqual(other.elements.map((e) => e.name), ['u', 's']);
  const unknown = await previewDiagram(snap, { uri: snap.uri, system: 'nope' });
  assert.equal(unknown.system, 'checkout');
  const none = await previewDiagram(snapshotOf('// nothing yet\n'), { uri: 'file:///n.sysd' });
  assert.equal(none.parses, true);
  assert.match(none.error!, /no system/);
  forgetPreview(snap.uri);
});
