/**
 * The preview with 1,000 components, in headless Chromium (the page and
 * harness of test/webview/):
 *
 * - **open**: from the file's text to the diagram painted in the panel —
 *   the analysis, `sysd/previewDiagram` with the server's layout worker
 *   (fresh, as after opening: its deadline and fallback decide), and the
 *   webview importing the SVG until two frames have been drawn. Target ≤ 2 s.
 * - **full layout**: the same request when the panel asks again for ELK's
 *   layout after a fallback (its longer deadline); no target, for the reader.
 * - **zoom**: p95 of the frame time while a script zooms in and out with the
 *   wheel over the ELK-laid diagram, from the fitted view to 100% and back in
 *   150 frames. Target ≤ 33 ms.
 *
 *   node --import tsx bench/preview-bench.ts
 *
 * Chromium must be at /usr/bin/chromium (or SYSD_CHROMIUM).
 */
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { themeCss } from '../core/diagram/theme';
import { analyseText } from '../core/index';
import { LineIndex } from '../server/convert';
import type { Snapshot } from '../server/documents';
import { existsSync } from 'node:fs';
import { createWorkerLayouter } from '../node/layout-worker-client';
import { disposeLayouter, useLayouter } from '../server/features/export-svg';
import { forgetPreview, previewDiagram } from '../server/features/preview';
import { diagramMessage, launch, openPreview } from '../test/webview/harness';
import type { BenchRow } from './core-bench';
import { syntheticText } from './diagram-synthetic';

const COMPONENTS = 1000;
const OPEN_TARGET_MS = 2000;
const FRAME_TARGET_MS = 33;
const FRAMES = 150;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const median = (xs: number[]) => percentile(xs, 0.5);

/** The server's layout worker as shipped: `npm run build` makes it. */
const WORKER = fileURLToPath(new URL('../dist/layout-worker.js', import.meta.url));

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(WORKER)) throw new Error('dist/layout-worker.js is missing: run npm run build first');
  const text = syntheticText(COMPONENTS);
  const uri = 'file:///bench/big.sysd';
  const browser = await launch();
  try {
    // Open: a fresh server (fresh layout worker), a fresh panel, three times.
    const open: number[] = [];
    const notes: string[] = [];
    for (let i = 0; i < 3; i++) {
      // As after opening: a fresh worker, which loads and warms ELK up first.
      useLayouter(createWorkerLayouter(WORKER));
      forgetPreview(uri);
      const p = await openPreview(browser);
      const t0 = performance.now();
      const analysis = analyseText(text);
      const snapshot: Snapshot = { uri, version: 1, text, lines: new LineIndex(text), analysis, durationMs: 0 };
      const t1 = performance.now();
      const result = await previewDiagram(snapshot, { uri });
      const t2 = performance.now();
      await p.send(diagramMessage(result, 'big.sysd'));
      await p.page.waitForFunction(() => document.querySelectorAll('[data-sysd="component"]').length > 0);
      await p.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const t3 = performance.now();
      open.push(t3 - t0);
      notes.push(`analysis ${Math.round(t1 - t0)} + server ${Math.round(t2 - t1)} (${result.layout}) + webview ${Math.round(t3 - t2)} ms`);
      await p.close();
    }

    // The full layout the panel asks for after a fallback, then the zoom over it.
    const snapshot: Snapshot = { uri, version: 2, text, lines: new LineIndex(text), analysis: analyseText(text), durationMs: 0 };
    const tFull = performance.now();
    const full = await previewDiagram(snapshot, { uri, full: true });
    const fullMs = performance.now() - tFull;

    const p = await openPreview(browser, { width: 1280, height: 800 });
    await p.send({ type: 'settings', reducedMotion: false, exportCss: themeCss() });
    await p.send(diagramMessage(full, 'big.sysd'));
    await p.page.waitForFunction(() => document.querySelectorAll('[data-sysd="component"]').length > 0);
    // The moving bitmap is drawn when the page is idle after the diagram arrives; a reader's first zoom comes later.
    await p.page.waitForSelector('#sysd-canvas.sysd-has-snapshot', { state: 'attached', timeout: 60_000 });
    const frames = await p.page.evaluate(async (count) => {
      const frame = document.getElementById('sysd-viewport')!;
      const box = frame.getBoundingClientRect();
      // From the fitted view to 100% in the first half, and back out in the second (viewport.ts: a wheel step of d zooms by e^(0.0015 d)).
      const fitted = Number.parseFloat(document.getElementById('sysd-zoom-level')!.textContent ?? '100') / 100;
      const delta = Math.log(1 / fitted) / 0.0015 / (count / 2);
      const times: number[] = [];
      await new Promise<void>((resolve) => {
        const step = (t: number) => {
          times.push(t);
          if (times.length > count) return resolve();
          const deltaY = times.length <= count / 2 ? -delta : delta;
          frame.dispatchEvent(new WheelEvent('wheel', { deltaY, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      return times.slice(1).map((t, i) => t - times[i]);
    }, FRAMES);
    await p.close();
    const p95 = percentile(frames, 0.95);
    return [
      {
        name: `preview ${COMPONENTS} components: open to painted`,
        median: median(open),
        p95: Math.max(...open),
        target: OPEN_TARGET_MS,
        ok: median(open) <= OPEN_TARGET_MS,
        note: `${notes[open.indexOf(median(open))]}; load average ${loadavg()[0].toFixed(1)}`,
      },
      {
        name: `preview ${COMPONENTS} components: full ELK layout after a fallback`,
        median: fullMs,
        p95: fullMs,
        ok: true,
        info: true,
        note: `layout ${full.layout}${full.note ? `: ${full.note}` : ''}`,
      },
      {
        name: `preview ${COMPONENTS} components: frame time during a scripted zoom`,
        median: median(frames),
        p95,
        target: FRAME_TARGET_MS,
        ok: p95 <= FRAME_TARGET_MS,
        note: `fit → 100% → fit in ${frames.length} frames, worst ${Math.round(Math.max(...frames))} ms; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
      },
    ];
  } finally {
    await browser.close();
    disposeLayouter();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await run();
  for (const r of rows) console.log(`${r.info ? ' ' : r.ok ? '✓' : '✗'} ${r.name}: median ${r.median!.toFixed(1)} ms, p95 ${r.p95!.toFixed(1)} ms${r.target ? ` (target ${r.target})` : ''} — ${r.note}`);
}
