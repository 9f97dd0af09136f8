import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ExportSvgRequest, ReportRequest } from '../../protocol/requests';
import { CHECKOUT, TestClient, at } from './harness';
import { analyseText } from '../../core/index';
import { markdownReport } from '../../core/report/markdown';

let client: TestClient;
before(async () => (client = await TestClient.start()));
after(async () => client.stop());

const uri = (name: string) => `file:///diag/${name}.sysd`;
const hoverText = async (name: string, source: string) => {
  const m = at(source);
  await client.open(uri(name), m.text);
  const hover = await client.request('textDocument/hover', { textDocument: { uri: uri(name) }, position: m.position });
  return hover?.contents?.value as string | undefined;
};

describe('diagnostics', () => {
  test('a spof carries its code, a link to the catalogue, and names the entry it breaks', async () => {
    const text = 'system s {\n  users web { rps: 10 }\n  service api\n  web -> api\n}\n';
    const diagnostics = await client.open(uri('spof'), text);
    const spof = diagnostics.find((d) => d.code === 'spof');
    assert.ok(spof, JSON.stringify(diagnostics));
    assert.equal(spof.source, 'sysd');
    assert.match(spof.codeDescription!.href, /diagnostics\.md#spof$/);
    assert.deepEqual(spof.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 13 } });
    const related = spof.relatedInformation ?? [];
    assert.ok(related.some((r) => r.location.range.start.line === 1 && r.location.uri === uri('spof')), JSON.stringify(related));
  });

  test('a duplicate name points at the first declaration', async () => {
    const text = 'system s {\n  users web\n  service api\n  service api\n  web -> api\n}\n';
    const diagnostics = await client.open(uri('dup'), text);
    const dup = diagnostics.find((d) => d.code === 'duplicate-name');
    assert.ok(dup);
    assert.equal(dup.range.start.line, 3);
    assert.equal(dup.relatedInformation?.[0].location.range.start.line, 2);
  });

  test('an edit republishes diagnostics for the new version', async () => {
    const text = 'system s {\n  users web\n  service api\n  web -> api\n}\n';
    await client.open(uri('edit'), text);
    const version = await client.change(uri('edit'), [{ text: text.replace('service api', 'service api { replicas: 2 }') }]);
    const diagnostics = await client.waitForDiagnostics(uri('edit'), version);
    assert.equal(diagnostics.filter((d) => d.code === 'spof').length, 0);
  });

  test('a syntax error is reported with the syntax code', async () => {
    const diagnostics = await client.open(uri('syntax'), 'system s {\n  service api {\n');
    assert.ok(diagnostics.some((d) => d.code === 'syntax' && d.severity === 1));
  });
});

describe('hover', () => {
  test('on a component: availability, downtime, replicas, load, utilisation, headroom, latency and SPOF, with defaults marked', async () => {
    const text = await hoverText('api', CHECKOUT.replace('service api "Checkout API"', 'service <|>api "Checkout API"'));
    assert.ok(text);
    assert.match(text, /\*\*service api\*\* — Checkout API/);
    assert.match(text, /availability: \*\*99\.9+\d*%\*\*/);
    assert.match(text, /· one instance 99\.9%\n/);
    assert.match(text, /downtime: .*\/yr · .*\/mo/);
    assert.match(text, /replicas: 4 · active-active \(default\)/);
    assert.match(text, /load: 2k rps average · 6k rps peak/);
    assert.match(text, /capacity: 10k rps \(2\.5k rps per instance\)/);
    assert.match(text, /utilisation at peak: 60%/);
    assert.match(text, /headroom: 120% at peak with zone 'use1-a' lost/);
    assert.match(text, /latency: 25ms here/);
    assert.match(text, /not a single point of failure: it can lose an instance/);
    assert.match(text, /blast radius: shoppers \(1 of 1 entries\)/);
  });

  test('on a reference in an edge it shows the same component, with its blast radius', async () => {
    const text = await hoverText('ref', CHECKOUT.replace('shoppers -> route53', 'shoppers -> rou<|>te53'));
    assert.ok(text);
    assert.match(text, /\*\*dns route53\*\*/);
    assert.match(text, /\*\*single point of failure\*\*/);
    assert.match(text, /replicas: 1 \(default\)/);
    assert.match(text, /one instance 99\.99%\n/);
    assert.match(text, /blast radius: shoppers \(1 of 1 entries\)/);
  });

  test('on a property key: its doc, type and default from the schema', async () => {
    const text = await hoverText('key', CHECKOUT.replace('standby: hot', 'stand<|>by: hot'));
    assert.ok(text);
    assert.match(text, /\*\*standby\*\* — one of 'hot', 'warm', 'cold'/);
    assert.match(text, /Readiness of passive instances/);
    assert.match(text, /Default: hot/);
  });

  test('on a percentage: the downtime it allows per year, month and week', async () => {
    const text = await hoverText('pct', CHECKOUT.replace('slo: 99.95%', 'slo: 99.9<|>5%'));
    assert.equal(text, '**99.95%** allows 4h 23m/yr · 21m 36s/mo · 5m 2s/wk of downtime');
  });

  test('on a system: availability against the SLO', async () => {
    const text = await hoverText('sys', CHECKOUT.replace('system checkout', 'system check<|>out'));
    assert.ok(text);
    assert.match(text, /availability: \*\*99\.\d+%\*\* · SLO 99\.95% met ✓/);
    assert.match(text, /entry shoppers: .* ✓/);
  });

  test('on a database: replication and failover, with their defaults marked', async () => {
    const text = await hoverText('db', CHECKOUT.replace('database orders', 'database ord<|>ers'));
    assert.match(text ?? '', /replicas: 2 · active-passive \(default\) · hot \(default\) standby, failover 10s \(default\)/);
    assert.match(text ?? '', /replication: sync\n/);
    assert.match(text ?? '', /one instance 99\.9% \(default\)/);
    assert.match(text ?? '', /latency: 0ms \(default\) here/);
  });

  test('on a kind keyword: what the kind is', async () => {
    const text = await hoverText('kind', CHECKOUT.replace('cache redis', 'ca<|>che redis'));
    assert.match(text ?? '', /In-memory cache/);
  });

  test('on a code in a // sysd-ignore comment: what it silences', async () => {
    const text = await hoverText('ignore', CHECKOUT.replace('  redis -> orders', '  // sysd-ignore spof, no-re<|>plica\n  redis -> orders'));
    assert.match(text ?? '', /^\*\*no-replica\*\* \(default warning\), silenced for the statement below/);
    assert.equal(await hoverText('comment', CHECKOUT.replace('  redis -> orders', '  // a note about no-re<|>plica\n  redis -> orders')), undefined);
  });
});

describe('inlay hints and code lens', () => {
  test('a hint after each component header shows availability and utilisation', async () => {
    await client.open(uri('hints'), CHECKOUT);
    const hints: any[] = await client.request('textDocument/inlayHint', {
      textDocument: { uri: uri('hints') }, range: { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } },
    });
    const line = CHECKOUT.split('\n').findIndex((l) => l.includes('service api'));
    const hint = hints.find((h) => h.position.line === line);
    assert.ok(hint, JSON.stringify(hints));
    assert.equal(hint.position.character, CHECKOUT.split('\n')[line].indexOf('"Checkout API"') + '"Checkout API"'.length);
    assert.match(hint.label, /^99\.9+\d*% · 60%$/);
  });

  test('a lens on each system summarises availability against the SLO and counts warnings', async () => {
    await client.open(uri('lens'), CHECKOUT);
    const lenses: any[] = await client.request('textDocument/codeLens', { textDocument: { uri: uri('lens') } });
    assert.equal(lenses.length, 2);
    assert.match(lenses[0].command.title, /^availability 99\.\d+% · SLO 99\.95% ✓ · \d+ errors? · \d+ warnings$/);
    assert.equal(lenses[1].command.title, 'Open preview');
    assert.equal(lenses[1].command.command, 'sysd.openPreview');
  });

  test('the report request returns core\'s one report, the text `sysd report --format markdown` prints', async () => {
    // A syntax error outside the system, which the editor's old report listed and the CLI's did not.
    const text = `${CHECKOUT}\nsystem broken {\n  service x {\n`;
    await client.open(uri('report'), text);
    const result = await client.send(ReportRequest, { uri: uri('report') });
    assert.equal(result.markdown, markdownReport(analyseText(text), 'report.sysd'));
    assert.match(result.markdown, /^# sysd report: report\\\.sysd/);
    assert.match(result.markdown, /\| api \| service \| 4 \| 99\.9+\d*% \|/);
    assert.match(result.markdown, /`overload`/);
    assert.match(result.markdown, /\*\*error\*\* `syntax`/);
  });
});

describe('svg export', () => {
  test('the server returns the SVG of the named system', async () => {
    await client.open(uri('svg'), CHECKOUT);
    const result = await client.send(ExportSvgRequest, { uri: uri('svg'), system: 'checkout' });
    assert.equal(result.error, undefined);
    assert.match(result.svg ?? '', /^<svg[\s\S]*<\/svg>\s*$/);
    assert.match(result.svg ?? '', /Checkout API|api/);
  });

  test('an unknown system is an error message, not an exception', async () => {
    await client.open(uri('svg2'), CHECKOUT);
    const result = await client.send(ExportSvgRequest, { uri: uri('svg2'), system: 'nope' });
    assert.match(result.error ?? '', /no system named 'nope'/);
  });
});
