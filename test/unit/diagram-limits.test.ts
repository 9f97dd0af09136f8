/**
 * What ELK is given, and what the CLI does when ELK cannot finish
 * (docs/diagram.md, "Large diagrams"): a graph past the cap is drawn with the
 * fallback layout at once and says so; large graphs keep their edge labels
 * out of ELK and still draw each on its edge; `sysd render` lays out in a
 * worker whose limits end a runaway layout, so the process draws the
 * fallback and says so on stderr instead of running out of memory.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildElkGraph, createInProcessLayouter } from '../../core/diagram/index';
import { holdLabels, LABEL_NODES_UP_TO, MAX_ELK_COMPONENTS, tooLargeForElk } from '../../core/diagram/elk-limits';
import { runElk } from '../../core/diagram/elk-runner';
import type { DiagramEdge, DiagramNode } from '../../core/diagram/graph-types';
import { realisticSystem } from '../../bench/diagram-synthetic';
import { workspace } from '../fixtures/cli/run-cli';
import { spawnSysd } from '../fixtures/cli/spawn-cli';

function edgesOf(graph: DiagramNode): DiagramEdge[] {
  const out: DiagramEdge[] = [];
  (function walk(n: DiagramNode): void {
    out.push(...((n.edges ?? []) as DiagramEdge[]));
    (n.children as DiagramNode[] | undefined)?.forEach(walk);
  })(graph);
  return out;
}

test('a graph past the cap is drawn with the fallback layout at once, and the reason names the cap', async () => {
  const graph = buildElkGraph(realisticSystem(MAX_ELK_COMPONENTS + 200));
  assert.match(tooLargeForElk(graph) ?? '', /more than the layout engine is given/);
  const layouter = createInProcessLayouter();
  try {
    const result = await layouter.layout(graph, { deadlineMs: 600_000 });
    assert.equal(result.fallback, true);
    assert.match(result.reason ?? '', /components and \d+ edges, more than the layout engine is given/);
  } finally {
    layouter.dispose();
  }
});

test('a large graph gives ELK no label nodes, and every label is still drawn on its edge', async () => {
  const graph = buildElkGraph(realisticSystem(LABEL_NODES_UP_TO + 100));
  const labelled = edgesOf(graph).filter((e) => e.labels?.length).length;
  assert.ok(labelled > LABEL_NODES_UP_TO, `${labelled} labelled edges`);
  const copy = structuredClone(graph);
  assert.equal(holdLabels(copy).size, labelled);
  assert.equal(edgesOf(copy).filter((e) => e.labels?.length).length, 0, 'ELK would be given label nodes');
  const laid = await runElk(graph);
  for (const e of edgesOf(laid)) {
    if (!e.labels?.length) continue;
    const s = e.sections![0];
    const points = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint];
    const l = e.labels[0];
    const cx = l.x! + l.width! / 2;
    const bottom = l.y! + l.height! + 2;
    const near = Math.min(...points.slice(1).map((p, i) => distanceToSegment({ x: cx, y: bottom }, points[i], p)));
    assert.ok(near < 1, `label of ${e.id} is ${near} px from its edge`);
  }
});

function distanceToSegment(p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** 1,000 services, each calling five alternatives across the graph: ELK's layered layout explodes on it. */
function alternativesModel(n: number): string {
  const lines = ['system big {', '  users u { rps: 100 }'];
  for (let i = 0; i < n; i++) lines.push(`  service s${i}`);
  lines.push('  u -> s0');
  for (let i = 0; i < n; i++) lines.push(`  s${i} -> ${Array.from({ length: 5 }, (_, k) => `s${(i * 7 + k * 13 + 1) % n}`).join(' | ')}`);
  return `${lines.join('\n')}\n}\n`;
}

test('sysd render of a graph ELK cannot finish draws the fallback within a bounded heap and says so on stderr', { timeout: 10 * 60_000 }, async () => {
  const ws = workspace({ 'big.sysd': alternativesModel(1000) });
  try {
    // A 512 MB main heap: ELK in-process took the process to 4 GB here.
    const r = await spawnSysd(['render', ws.path('big.sysd'), '-o', ws.path('big.svg')], { heapMb: 512, killAfterMs: 9 * 60_000 });
    assert.equal(r.signal, null, `killed: ${r.stderr.slice(0, 300)}`);
    assert.equal(r.status, 0, r.stderr.slice(0, 300));
    assert.match(r.stderr, /^sysd: A simple layout is shown because /m);
    assert.match(readFileSync(ws.path('big.svg'), 'utf8'), /^<svg/);
  } finally {
    ws.cleanup();
  }
});
