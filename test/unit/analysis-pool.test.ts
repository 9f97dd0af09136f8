/**
 * The analysis workers themselves (server/analysis-pool.ts and
 * server/analysis-worker.ts), real threads: a cancelled analysis stops and
 * says so, the worker that computed a snapshot answers features from it, and
 * a thread that dies of an uncaught exception is logged and replaced.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSysd } from '../../bench/generate';
import { AnalysisPool } from '../../server/analysis-pool';

const SCRIPT = fileURLToPath(new URL('../../server/analysis-worker.ts', import.meta.url));
const MARKER = 'crash-here-on-hover';
const TEXT = 'system s {\n  users web { rps: 10 }\n  service api\n  web -> api\n}\n';
const at = (uri: string, line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });

describe('analysis pool', () => {
  const logs: string[] = [];
  const restarts: number[] = [];
  let pool: AnalysisPool;
  before(async () => {
    // Read by the worker threads when they start: a hover in a text with the marker throws outside any handler.
    process.env.SYSD_FAULT = `worker-uncaught:${MARKER}`;
    // What the preview draws must not depend on how busy the machine is (server/wall-clock.ts).
    process.env.SYSD_WALL_CLOCK_LIMITS = 'off';
    pool = new AnalysisPool(SCRIPT, (m) => logs.push(m), (slot) => restarts.push(slot));
    await pool.ready(60_000);
  });
  after(() => {
    pool.dispose();
    delete process.env.SYSD_FAULT;
    delete process.env.SYSD_WALL_CLOCK_LIMITS;
  });

  test('an analysis cancelled while it runs stops and says so; nothing is kept', async () => {
    const { outcome, cancel } = pool.analyse(0, 'file:///big.sysd', 1, generateSysd({ components: 2000 }));
    cancel();
    assert.deepEqual(await outcome, { kind: 'cancelled' });
    assert.deepEqual(await pool.query(0, 'file:///big.sysd', 'hover', at('file:///big.sysd', 0, 8)), { kind: 'missing' });
  });

  test('the worker that analysed a text answers features from its snapshot', async () => {
    const analysed = await pool.analyse(1, 'file:///a.sysd', 3, TEXT).outcome;
    assert.equal(analysed.kind, 'analysed');
    if (analysed.kind !== 'analysed') return;
    assert.equal(analysed.result.version, 3);
    assert.ok(analysed.result.diagnostics.some((d) => d.code === 'spof'), 'diagnostics come back LSP-shaped');
    const hover = await pool.query(1, 'file:///a.sysd', 'hover', at('file:///a.sysd', 2, 11));
    assert.equal(hover.kind, 'answer');
    assert.match(JSON.stringify(hover), /api/);
    assert.deepEqual(await pool.query(0, 'file:///a.sysd', 'hover', at('file:///a.sysd', 2, 11)), { kind: 'missing' }, 'the other worker holds nothing');
  });

  test('the preview asked right after the document moved to the other worker keeps its layout', async () => {
    // The panel asks for the diagram as soon as the diagnostics arrive, which is when the old worker is told
    // to hand its layouts over: the request must not overtake them, or a figures-only edit is laid out afresh.
    const uri = 'file:///moved.sysd';
    const checkout = readFileSync(new URL('../../examples/checkout.sysd', import.meta.url), 'utf8');
    assert.equal((await pool.analyse(0, uri, 1, checkout).outcome).kind, 'analysed');
    const first = await pool.query(0, uri, 'previewDiagram', { uri });
    assert.equal(first.kind === 'answer' && (first.result as { layout?: string }).layout, 'new');
    const figuresOnly = checkout.replace('capacity: 2500 rps', 'capacity: 2000 rps');
    assert.equal((await pool.analyse(1, uri, 2, figuresOnly).outcome).kind, 'analysed');
    pool.drop(0, uri, 1, 1);
    const second = await pool.query(1, uri, 'previewDiagram', { uri });
    assert.equal(second.kind === 'answer' && (second.result as { layout?: string }).layout, 'reused');
  });

  test('a worker that dies of an uncaught exception is logged and replaced', async () => {
    const uri = 'file:///crash.sysd';
    await pool.analyse(0, uri, 1, `// ${MARKER}\n${TEXT}`).outcome;
    const crashed = await pool.query(0, uri, 'hover', at(uri, 3, 11));
    await new Promise((r) => setTimeout(r, 0));
    assert.ok(crashed.kind === 'answer' || crashed.kind === 'failed');
    // Up to 3 minutes: a guard against a hang, not a measure.
    for (let i = 0; i < 3600 && restarts.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(restarts, [0]);
    assert.match(logs.join('\n'), /restarting analysis worker 0: it failed: .*injected fault/);
    const again = await pool.analyse(0, 'file:///b.sysd', 1, TEXT).outcome;
    assert.equal(again.kind, 'analysed', 'the fresh thread analyses');
  });
});
