/**
 * The layout port: the fallback layout is usable on its own, a deadline that
 * passes gives the fallback and a note, and the worker layouter stops a late
 * ELK run, answers at once, and serves the next request with a fresh thread.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildElkGraph, createInProcessLayouter, fallbackLayout, renderSvg, renderSystemSvg } from '../../core/diagram/index';
import { createWorkerLayouter } from '../../node/layout-worker-client';
import { syntheticSystem } from '../../bench/diagram-synthetic';
import { analyse, assertLaidOutApart, assertSafeSvg, bundledWorker, count, exampleSystems } from './diagram-helpers';

const WORKER = bundledWorker();

describe('layout port', () => {
  test('the fallback layout places every node without overlap between siblings and routes every edge', () => {
    const ex = exampleSystems().find((e) => e.file === 'multi-region.sysd') ?? exampleSystems()[0];
    const laid = fallbackLayout(buildElkGraph(ex.system, ex.figures));
    const svg = renderSvg(laid);
    assertSafeSvg(svg);
    assert.equal(count(svg, 'data-sysd="component"'), ex.system.components.length);
    assert.equal(count(svg, 'data-sysd="edge"'), ex.system.edges.length);
    assert.doesNotMatch(svg, /d=""/, 'every edge has a path');
    assertLaidOutApart(laid);
  });

  test('a deadline of zero gives the fallback layout and a note in the SVG', async () => {
    const { system, figures } = analyse('system s { users u { rps: 1 }\n service a\n u -> a }');
    const layouter = createInProcessLayouter();
    const { svg, notes } = await renderSystemSvg(system, figures, layouter, { deadlineMs: 0 });
    layouter.dispose();
    assert.equal(notes.length, 1);
    assert.match(notes[0], /simple layout/);
    assert.match(svg, /class="sysd-note"[^>]*>A simple layout is shown/);
    assertSafeSvg(svg);
  });

  test('the worker lays out the same as in-process', async () => {
    const ex = exampleSystems()[0];
    const worker = createWorkerLayouter(WORKER);
    const inproc = createInProcessLayouter();
    try {
      // A deadline no busy machine reaches: this test is about equality, not speed.
      const a = await renderSystemSvg(ex.system, ex.figures, worker, { deadlineMs: 600_000 });
      const b = await renderSystemSvg(ex.system, ex.figures, inproc, { deadlineMs: 600_000 });
      assert.deepEqual(a.notes, []);
      assert.equal(a.svg, b.svg);
    } finally {
      worker.dispose();
      inproc.dispose();
    }
  });

  test('the worker stops a layout past its deadline, answers at once, and recovers', async () => {
    const worker = createWorkerLayouter(WORKER);
    try {
      const big = buildElkGraph(syntheticSystem(600));
      const late = await worker.layout(big, { deadlineMs: 150 });
      assert.equal(late.fallback, true);
      assert.match(late.reason ?? '', /longer than 150 ms/);
      const ex = exampleSystems()[0];
      const next = await worker.layout(buildElkGraph(ex.system, ex.figures), { deadlineMs: 600_000 });
      assert.equal(next.fallback, false, 'a fresh worker serves the next request');
    } finally {
      worker.dispose();
    }
  });

  test('a cancelled request gets the fallback without waiting for ELK', async () => {
    const worker = createWorkerLayouter(WORKER);
    try {
      let cancelled = false;
      setTimeout(() => (cancelled = true), 50);
      const r = await worker.layout(buildElkGraph(syntheticSystem(600)), { deadlineMs: 600_000, isCancelled: () => cancelled });
      assert.equal(r.fallback, true);
      assert.match(r.reason ?? '', /cancelled/);
    } finally {
      worker.dispose();
    }
  });

  test('a worker script that does not exist still gives a picture', async () => {
    const worker = createWorkerLayouter('/nonexistent/layout-worker.js');
    const ex = exampleSystems()[0];
    const r = await worker.layout(buildElkGraph(ex.system, ex.figures), { deadlineMs: 5000 });
    worker.dispose();
    assert.equal(r.fallback, true);
    assert.ok(r.graph.children?.length);
  });
});
