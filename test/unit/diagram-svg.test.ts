/**
 * The SVG of every example: valid XML, one element per component and edge,
 * only the elements the renderer writes (so no user text became markup),
 * edges that touch the boxes they join, and the same SVG every time.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildElkGraph, createInProcessLayouter, renderSvg, renderSystemSvg } from '../../core/diagram/index';
import { assertEdgesTouch, assertSafeSvg, count, exampleSystems, texts } from './diagram-helpers';

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
      const laid = (await layouter.layout(buildElkGraph(ex.system, ex.figures), { deadlineMs: 600_000 })).graph;
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
