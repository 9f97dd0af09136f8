/**
 * The preview's stable layout (issue item 5) where the panel gets its
 * diagram: after an edit that adds one component and one edge,
 * `sysd/previewDiagram` lays the system out again seeded with the positions
 * it drew last (core/diagram/layout-seed.ts), so the components already
 * drawn stay where they were. Laid out afresh, the checkout example's
 * components move up to 226 layout units after this edit; seeded, 7.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyseText } from '../../core/index';
import { LineIndex } from '../../server/convert';
import type { Snapshot } from '../../server/documents';
import { disposeLayouter } from '../../server/features/export-svg';
import { forgetPreview, previewDiagram } from '../../server/features/preview';
import { withOneMore } from '../../bench/layout-stability';

// The editor's wall-clock limits off: what this test sees must not depend on how busy the machine is (server/wall-clock.ts).
process.env.SYSD_WALL_CLOCK_LIMITS = 'off';

const checkout = readFileSync(new URL('../../examples/checkout.sysd', import.meta.url), 'utf8');
after(() => disposeLayouter());

function snapshotOf(text: string, version: number, uri: string): Snapshot {
  return { uri, version, text, lines: new LineIndex(text), analysis: analyseText(text), durationMs: 0 };
}

/** Where each component is drawn: the translate of its group, in the diagram's frame. */
function positions(svg: string): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  for (const m of svg.matchAll(/data-sysd="component" data-name="([^"]+)"[^>]*transform="translate\(([-\d.]+),([-\d.]+)\)"/g)) {
    out.set(m[1], { x: Number(m[2]), y: Number(m[3]) });
  }
  return out;
}

test('adding a component and an edge leaves the components already drawn in place', async () => {
  const uri = 'file:///stable-seed.sysd';
  const first = await previewDiagram(snapshotOf(checkout, 1, uri), { uri });
  assert.equal(first.layout, 'new', first.note);
  const second = await previewDiagram(snapshotOf(withOneMore(checkout, 'route53'), 2, uri), { uri });
  assert.equal(second.layout, 'new', second.note);
  const a = positions(first.svg!);
  const b = positions(second.svg!);
  assert.ok(b.has('probe-added') && a.size === b.size - 1, `${a.size} then ${b.size} components`);
  const moved = [...a].map(([name, p]) => Math.hypot(b.get(name)!.x - p.x, b.get(name)!.y - p.y));
  assert.ok(Math.max(...moved) < 50, `moved ${moved.map((d) => d.toFixed(0)).join(', ')}`);
  forgetPreview(uri);
});
