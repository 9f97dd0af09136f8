/**
 * Large diagrams are laid out group by group (regions and zones one at a
 * time, edges between groups routed by us). What a reader needs from that
 * picture: every component drawn once, inside its region or zone, nothing
 * overlapping, every line running from its source's box to its target's box,
 * and the same picture every time.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildElkGraph, createInProcessLayouter, renderSvg, renderSystemSvg } from '../../core/diagram/index';
import { syntheticSystem } from '../../bench/diagram-synthetic';
import { analyse, assertEdgesTouch, assertLaidOutApart, assertSafeSvg, count } from './diagram-helpers';

const layouter = createInProcessLayouter();
after(() => layouter.dispose());
const system = syntheticSystem(150);

describe('group-by-group layout of a large diagram', () => {
  test('draws every component and edge, with no fallback note', async () => {
    const { svg, notes } = await renderSystemSvg(system, undefined, layouter);
    assert.deepEqual(notes, []);
    assertSafeSvg(svg);
    assert.equal(count(svg, 'data-sysd="component"'), system.components.length);
    assert.equal(count(svg, 'data-sysd="edge"'), system.edges.length);
    assert.equal(count(svg, 'data-sysd="zone"'), 6);
  });

  test('every component lies inside its group, and no two siblings overlap', async () => {
    const laid = (await layouter.layout(buildElkGraph(system), { deadlineMs: 60_000 })).graph;
    assert.equal(laid.children?.length, system.components.filter((c) => !c.group && !c.region).length + 2);
    assertLaidOutApart(laid, { contained: true });
  });

  test('every edge starts on its source box and ends on its target box', async () => {
    const laid = (await layouter.layout(buildElkGraph(system), { deadlineMs: 60_000 })).graph;
    assertEdgesTouch(laid, renderSvg(laid));
  });

  test('the same model gives the same SVG', async () => {
    const a = await renderSystemSvg(system, undefined, layouter);
    const b = await renderSystemSvg(system, undefined, createInProcessLayouter());
    assert.equal(a.svg, b.svg);
  });

  test('a small system whose edges mostly cross zones is laid out the same way, edge labels included', async () => {
    const zones = ['a', 'b', 'c', 'd'];
    const lines = ['system s {', '  users u { rps: 10 }', ...zones.map((z) => `  zone ${z} { ${[0, 1, 2, 3].map((i) => `service ${z}${i}`).join('\n ')} }`)];
    for (let i = 0; i < 4; i++) for (let k = 0; k < 3; k++) lines.push(`  ${zones[k]}${i} -> ${zones[k + 1]}${i} "call ${k}${i}"`);
    lines.push('  u -> a0', '}');
    const { system: crossing, figures } = analyse(lines.join('\n'));
    const { svg, notes } = await renderSystemSvg(crossing, figures, layouter);
    assert.deepEqual(notes, []);
    assert.equal(count(svg, 'data-sysd="edge"'), 13);
    for (let i = 0; i < 4; i++) assert.match(svg, new RegExp(`>call 2${i}</text>`), `label of c${i} -> d${i} is drawn`);
    const laid = (await layouter.layout(buildElkGraph(crossing, figures), { deadlineMs: 60_000 })).graph;
    assertEdgesTouch(laid, renderSvg(laid));
  });
});
