/**
 * Stable layout (the preview's item 5): a small edit moves little. Each
 * example is laid out, then laid out again with one component and one edge
 * added (called by each of its components in turn), and the components that
 * were already there are compared. Laid out afresh, the median component moved
 * 20 layout units, the 90th percentile 173 and the furthest 392 (measured when
 * this test was written); seeded with the previous positions (layout-seed.ts)
 * 0, 37.5 and 226. The bounds sit between the two, so the test fails when the
 * seed stops working but not when a label grows by a few pixels.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { buildElkGraph, createInProcessLayouter } from '../../core/diagram/index';
import { positionsOf } from '../../core/diagram/layout-seed';
import { componentCentres, displacements, measureStability, percentile, withOneMore, type StabilityCase } from '../../bench/layout-stability';
import { createWorkerLayouter } from '../../node/layout-worker-client';
import { analyse, assertLaidOutApart, bundledWorker, exampleSystems } from './diagram-helpers';

const layouter = createInProcessLayouter();

describe('stable layout', () => {
  let cases: StabilityCase[];
  before(async () => {
    cases = await measureStability(layouter, { seeded: true });
  });

  test('adding one component and one edge moves the others little', () => {
    assert.equal(new Set(cases.map((c) => c.example)).size, exampleSystems().length, 'every example is measured');
    const moved = cases.flatMap((c) => c.moved);
    const worst = cases.reduce((a, b) => (Math.max(...b.moved) > Math.max(...a.moved) ? b : a));
    const where = `worst: ${worst.example} with the new component called by ${worst.caller}`;
    assert.ok(percentile(moved, 50) <= 5, `median ${percentile(moved, 50)} > 5 (${where})`);
    assert.ok(percentile(moved, 90) <= 80, `90th percentile ${percentile(moved, 90)} > 80 (${where})`);
    assert.ok(Math.max(...moved) <= 300, `maximum ${Math.max(...moved)} > 300 (${where})`);
  });

  test('every component keeps its id, and the seeded layouts stay valid', () => {
    for (const c of cases) {
      const ids = componentCentres(c.after);
      assert.ok(ids.has('n:probe-added'), `${c.example}: the added component is drawn`);
      assert.equal(c.moved.length + 1, ids.size, `${c.example}: every earlier component is found by its id`);
      assertLaidOutApart(c.after);
    }
  });

  test('laid out again with its own positions, a diagram does not move at all', async () => {
    for (const ex of exampleSystems()) {
      const first = (await layouter.layout(buildElkGraph(ex.system, ex.figures), { deadlineMs: 600_000 })).graph;
      const again = (await layouter.layout(buildElkGraph(ex.system, ex.figures), { deadlineMs: 600_000, previous: positionsOf(first) })).graph;
      assert.ok(Math.max(...displacements(first, again)) < 0.5, ex.file);
    }
  });

  test('the server\'s worker layouter is seeded the same way', async () => {
    const ex = exampleSystems().find((e) => e.file === 'checkout.sysd')!;
    const first = (await layouter.layout(buildElkGraph(ex.system, ex.figures), { deadlineMs: 600_000 })).graph;
    const edited = analyse(withOneMore(ex.text, 'route53'));
    const graph = buildElkGraph(edited.system, edited.figures);
    const previous = positionsOf(first);
    const worker = createWorkerLayouter(bundledWorker());
    try {
      const inWorker = (await worker.layout(graph, { deadlineMs: 600_000, previous })).graph;
      const inProcess = (await layouter.layout(graph, { deadlineMs: 600_000, previous })).graph;
      assert.deepEqual([...componentCentres(inWorker)], [...componentCentres(inProcess)]);
      assert.ok(Math.max(...displacements(first, inWorker)) < 50, 'the worker used the seed');
    } finally {
      worker.dispose();
    }
  });
});
