/**
 * The what-if as the panel shows it: the server's answer (core's figures,
 * formatted) turned into names to grey, figures lines and the summary, with
 * no figure computed on the way. Checked against the real `sysd/whatIf`
 * handler on the checkout example.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyseText } from '../../core/index';
import { LineIndex } from '../../server/convert';
import type { Snapshot } from '../../server/documents';
import { whatIfRequest } from '../../server/features/what-if';
import { previewWhatIf, whatIfParams } from '../../client/preview/what-if';
import type { PreviewElement } from '../../protocol/preview';

// The editor's wall-clock limits off: what this test sees must not depend on how busy the machine is (server/wall-clock.ts).
process.env.SYSD_WALL_CLOCK_LIMITS = 'off';

const text = readFileSync(new URL('../../examples/checkout.sysd', import.meta.url), 'utf8');
const snapshot: Snapshot = { uri: 'file:///c.sysd', version: 4, text, lines: new LineIndex(text), analysis: analyseText(text), durationMs: 0 };
const el = (kind: PreviewElement['kind'], name: string): PreviewElement => ({ kind, name, range: [0, 0], nameRange: [0, 0], tooltip: '', badges: [] });
const elements = [el('region', 'us-east'), el('zone', 'use1-a'), el('zone', 'use1-b'), el('component', 'api'), el('component', 'stripe')];

test('the panel\'s names are split into components and groups for the request', () => {
  assert.deepEqual(whatIfParams('u', 4, 'checkout', ['use1-a', 'api', 'ghost'], elements), {
    uri: 'u', version: 4, system: 'checkout', failed: { components: ['api'], groups: ['use1-a'] },
  });
});

test('zone use1-a of checkout: everything still served, the summary and figures are the server\'s text', () => {
  const r = whatIfRequest(snapshot, whatIfParams(snapshot.uri, 4, 'checkout', ['use1-a'], elements));
  const shown = previewWhatIf(['use1-a'], r);
  assert.equal(shown.summary, r.summary);
  assert.match(shown.summary, /^zone use1-a down: shoppers still served; .*api at 120% of capacity/);
  assert.ok(shown.lost.includes('use1-a'), 'the failed zone is greyed');
  assert.ok(!shown.lost.includes('api') && !shown.lost.includes('shoppers'));
  const api = r.components.find((c) => c.name === 'api')!;
  assert.equal(shown.figures.api, [api.instances, api.availability, api.utilisation].join(' · '));
  assert.match(shown.figures.api, /^2 of 4 instances · .* · 120%$/);
  assert.equal(shown.systemFigures, `availability under this failure ${r.availability}${r.spofs.length ? ` · SPOFs left: ${r.spofs.join(', ')}` : ''}`);
});

test('a failed component is down, and what depends on it is greyed', () => {
  const r = whatIfRequest(snapshot, whatIfParams(snapshot.uri, 4, 'checkout', ['stripe'], elements));
  const shown = previewWhatIf(['stripe'], r);
  assert.ok(shown.lost.includes('stripe'));
  assert.equal(shown.figures.stripe, 'down');
  assert.match(shown.figures.shoppers, /^not served · /);
});
