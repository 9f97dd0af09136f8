/**
 * The SVG of every example: valid XML, one element per component and edge,
 * only the elements the renderer writes (so no user text became markup),
 * edges that touch the boxes they join, and the same SVG every time.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildElkGraph, createInProcessLayouter, renderSvg, renderSystemSvg } from '../../core/diagram/index';
import type { DiagramNode } from '../../core/diagram/index';
import { assertSafeSvg, count, exampleSystems, texts } from './diagram-helpers';

const layouter = createInProcessLayouter();
after(() => layouter.dispose());

describe('SVG of the examples', () => {
  for (const ex of exampleSystems()) {
    test(`${ex.file}: valid, one element per component and edge, user text kept as text`, async () => {
      const { svg, notes } = await renderSystemSvg(ex.system, ex.figures, layouter);
      assert.deepEqual(notes, []);
      assertSafeSvg(svg);
      assert.equal(count(svg, 'data-sysd="component"'), ex.system.components.length);
      assert.equal(count(svg, 'data-sysd="edge"'), ex.system.edges.length);
      const all = texts(svg).join('\n');
      for (const c of ex.system.components) {
        assert.ok(all.includes(c.label ?? c.name), `label of ${c.name} is shown as text`);
        assert.match(svg, new RegExp(`data-name="${c.name}" data-kind="${c.kind}" data-range="${c.range.start},${c.range.end}"`));
      }
    });

    test(`${ex.file}: every edge starts on its source box and ends on its target box`, async () => {
      const laid = (await layouter.layout(buildElkGraph(ex.system, ex.figures), { deadlineMs: 10_000 })).graph;
      assertEdgesTouch(laid, renderSvg(laid));
    });
  }

  test('the same model gives the same SVG, with a fresh layouter too', async () => {
    const ex = exampleSystems().find((e) => e.file === 'multi-region.sysd') ?? exampleSystems()[0];
    const first = await renderSystemSvg(ex.system, ex.figures, layouter);
    const other = createInProcessLayouter();
    const second = await renderSystemSvg(ex.system, ex.figures, other);
    other.dispose();
    assert.equal(first.svg, second.svg);
  });

  test('the theme is chosen by class, and colours come only from CSS variables', async () => {
    const ex = exampleSystems()[0];
    const dark = (await renderSystemSvg(ex.system, ex.figures, layouter, { theme: 'dark' })).svg;
    const auto = (await renderSystemSvg(ex.system, ex.figures, layouter, { theme: 'auto' })).svg;
    assert.match(dark, /class="sysd-diagram sysd-dark"/);
    assert.match(auto, /class="sysd-diagram sysd-auto"/);
    assert.match(auto, /body\.vscode-dark \.sysd-diagram\.sysd-auto/);
    const body = dark.replace(/<style>[\s\S]*<\/style>/, '');
    assert.doesNotMatch(body, /(fill|stroke)="#/, 'no hard-coded colours on elements');
  });
});

/** Checks, from the SVG itself, that each edge path begins and ends on the boundary of its nodes' boxes. */
function assertEdgesTouch(laid: DiagramNode, svg: string): void {
  const size = new Map<string, { w: number; h: number }>();
  (function walk(n: DiagramNode): void {
    if (n.sysd?.type === 'component') size.set(n.sysd.name, { w: n.width!, h: n.height! });
    n.children?.forEach(walk);
  })(laid);
  const boxes = new Map<string, { x: number; y: number; w: number; h: number }>();
  for (const m of svg.matchAll(/data-sysd="component" data-name="([^"]+)"[^>]*transform="translate\(([-\d.]+),([-\d.]+)\)"/g)) {
    boxes.set(m[1], { x: Number(m[2]), y: Number(m[3]), ...size.get(m[1])! });
  }
  const onBoundary = (p: { x: number; y: number }, b: { x: number; y: number; w: number; h: number }): boolean => {
    const eps = 1.5;
    const inX = p.x >= b.x - eps && p.x <= b.x + b.w + eps;
    const inY = p.y >= b.y - eps && p.y <= b.y + b.h + eps;
    const onX = Math.abs(p.x - b.x) <= eps || Math.abs(p.x - b.x - b.w) <= eps;
    const onY = Math.abs(p.y - b.y) <= eps || Math.abs(p.y - b.y - b.h) <= eps;
    return (inX && onY) || (inY && onX);
  };
  let checked = 0;
  for (const m of svg.matchAll(/data-sysd="edge" data-from="([^"]+)" data-to="([^"]+)"[\s\S]*?<path class="sysd-edge-line" d="([^"]+)"/g)) {
    const nums = m[3].match(/-?[\d.]+/g)!.map(Number);
    const start = { x: nums[0], y: nums[1] };
    const end = { x: nums[nums.length - 2], y: nums[nums.length - 1] };
    if (m[1] === m[2]) continue;
    assert.ok(onBoundary(start, boxes.get(m[1])!), `edge ${m[1]} -> ${m[2]} starts at ${JSON.stringify(start)}, off ${m[1]}'s box ${JSON.stringify(boxes.get(m[1]))}`);
    assert.ok(onBoundary(end, boxes.get(m[2])!), `edge ${m[1]} -> ${m[2]} ends at ${JSON.stringify(end)}, off ${m[2]}'s box ${JSON.stringify(boxes.get(m[2]))}`);
    checked++;
  }
  assert.ok(checked > 0, 'some edges were checked');
}
