/**
 * An estimate is never shown as a plain number (issue: forcing Monte Carlo on
 * a large model, the code lens read "availability 86%" and the status bar
 * "86%"): every surface formats core's Figure, so each shows
 * `≈ 99.95% (95% CI 99.93–99.97%)`, and JSON carries the interval and method.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../core/index';
import { jsonFile } from '../../core/report/json';
import { markdownReport } from '../../core/report/markdown';
import { textReport } from '../../core/report/table';
import { buildElkGraph, fallbackLayout, renderSvg } from '../../core/diagram/index';
import { viewAt } from '../../core/lookup';
import { LineIndex } from '../../server/convert';
import type { Snapshot } from '../../server/documents';
import { componentHover, systemHover } from '../../server/features/hover';
import { inlayHints } from '../../server/features/inlay-hints';
import { systemSummary } from '../../server/features/code-lens';
import { statusOf } from '../../server/features/status';
import { statusText } from '../../client/status-text';

const TEXT = `system s {
  slo: 90%
  users web { rps: 10 }
  zone z0 { availability: 90% }
  zone z1 { availability: 90% }
  zone z2 { availability: 90% }
  service api { replicas: 3; availability: 95%; zones: z0, z1, z2 }
  database db { replicas: 2; availability: 90%; zones: z1, z2 }
  web -> api -> db
}
`;

// No units for the exact method: the figures are a Monte Carlo estimate, the same one every run.
const analysis = analyseText(TEXT, { exactUnits: 0 });
const snapshot: Snapshot = { uri: 'file:///e.sysd', version: 1, text: TEXT, lines: new LineIndex(TEXT), analysis, durationMs: 0 };
const ESTIMATE = /≈ \d+(\.\d+)?% \(95% CI \d+(\.\d+)?–\d+(\.\d+)?%\)/;

test('the figures are an estimate', () => {
  assert.equal(analysis.systems[0].availability!.exactness.method, 'monte-carlo');
});

test('hover on the system and on the entry', () => {
  const view = viewAt(analysis, 0)!;
  assert.match(systemHover(view), ESTIMATE);
  assert.match(componentHover(view, 'web')!, ESTIMATE);
});

test('inlay hint on the entry', () => {
  const hint = inlayHints(snapshot).find((h) => String(h.label).startsWith('≈'));
  assert.ok(hint, JSON.stringify(inlayHints(snapshot)));
  assert.match(String(hint.label), ESTIMATE);
});

test('code lens and status bar', () => {
  assert.match(systemSummary(snapshot, 0)!, ESTIMATE);
  const status = statusOf(snapshot);
  assert.match(status.systems[0].availability!, ESTIMATE);
  assert.match(statusText(status).text, ESTIMATE);
});

test('markdown and text reports', () => {
  assert.match(markdownReport(analysis, 'e.sysd'), ESTIMATE);
  assert.match(markdownReport(analysis, 'e.sysd'), /estimated by Monte Carlo, \d+ samples/);
  assert.match(textReport(analysis), ESTIMATE);
});

test('SVG', () => {
  const svg = renderSvg(fallbackLayout(buildElkGraph(analysis.model.systems[0], analysis.systems[0])));
  assert.match(svg, ESTIMATE);
});

test('JSON carries the unavailability, the interval and the method, for the system and each entry', () => {
  const s = jsonFile('e.sysd', analysis).systems[0];
  for (const figure of [s, s.entries[0]]) {
    assert.equal(figure.method, 'monte-carlo');
    assert.ok(figure.interval && figure.interval.low <= figure.availability! && figure.availability! <= figure.interval.high);
    assert.equal(figure.interval.confidence, 0.95);
    assert.ok(figure.interval.samples >= 1000);
    assert.ok(Math.abs(figure.unavailability! - (1 - figure.availability!)) < 1e-12);
  }
});
