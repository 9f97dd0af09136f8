/**
 * `sysd report` (text and markdown tables) and `sysd render` (an SVG file).
 * The diagram itself is tested elsewhere; here only that the command writes it.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { sysd, workspace } from '../fixtures/cli/run-cli';

const DESIGN = `system shop "Shop" {
  slo: 99.9%
  users web { rps: 100; peak: 200 }
  lb front { replicas: 2; capacity: 10k rps }
  service api { replicas: 2; capacity: 1k rps }
  database orders { replicas: 2; replication: sync; capacity: 500 rps }
  web -> front -> api -> orders
}
`;
const COMPONENTS = ['web', 'front', 'api', 'orders'];

/** The same shop, overloaded: `overload` is an error, so check exits 1. */
const OVERLOADED = DESIGN.replace('service api { replicas: 2; capacity: 1k rps }', 'service api { capacity: 100 rps }');

const ws = workspace({ 'shop.sysd': DESIGN, 'overloaded.sysd': OVERLOADED });
after(() => ws.cleanup());

describe('sysd report', () => {
  test('text: the system line, the summary, the table header and one row per component', async () => {
    const r = await sysd(['report', ws.path('shop.sysd')]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'system shop "Shop"');
    assert.ok(lines.some((l) => /^ {2}availability: 99\.\d+% · SLO 99\.9% met$/.test(l)), r.stdout);
    const header = lines.findIndex((l) => l.startsWith('component'));
    assert.ok(header > 0, r.stdout);
    assert.deepEqual(lines[header].split(/\s{2,}/), ['component', 'kind', 'replicas', 'availability', 'downtime/yr', 'load (peak)', 'utilisation', 'SPOF']);
    assert.match(lines[header + 1], /^-+ {2}-+/);
    const rows = lines.slice(header + 2).filter((l) => l.trim() !== '');
    assert.deepEqual(rows.map((l) => l.split(/\s+/)[0]), COMPONENTS);
    const api = rows.find((l) => l.startsWith('api'))!;
    // 200 rps at peak on 2 × 1k rps.
    assert.match(api, /service\s+2\s+99\.9999%.*100 rps \(200 rps\)\s+10%/);
  });

  test('markdown: a heading per system and a markdown table with a row per component', async () => {
    const r = await sysd(['report', '--format', 'markdown', ws.path('shop.sysd')]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes('## System `shop` — Shop'), r.stdout);
    const header = lines.indexOf('| component | kind | replicas | availability | downtime/yr | load (peak) | utilisation | SPOF |');
    assert.ok(header >= 0, r.stdout);
    assert.match(lines[header + 1], /^\|( --- \|){8}$/);
    const rows = lines.slice(header + 2).filter((l) => l.startsWith('|'));
    assert.deepEqual(rows.map((l) => l.split('|')[1].trim()), COMPONENTS);
    for (const row of rows) assert.equal(row.split('|').length, 10, `eight cells in: ${row}`);
  });

  test('takes one file', async () => {
    const r = await sysd(['report', ws.path('shop.sysd'), ws.path('shop.sysd')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /takes one file/);
  });

  test('a sarif format is for check only', async () => {
    const r = await sysd(['report', '--format', 'sarif', ws.path('shop.sysd')]);
    assert.equal(r.status, 2);
  });
});

describe('sysd render', () => {
  test('-o writes an SVG with the components as data-name attributes', async () => {
    const out = ws.path('shop.svg');
    const r = await sysd(['render', ws.path('shop.sysd'), '-o', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '', 'the SVG goes to the file, not to stdout');
    assert.ok(existsSync(out));
    const svg = readFileSync(out, 'utf8');
    assert.ok(svg.startsWith('<svg'), svg.slice(0, 80));
    assert.ok(svg.includes('data-name="api"'));
  });

  test('exits 0 once the diagram is written, even when the model has errors; --strict exits 1 for them', async () => {
    assert.equal((await sysd(['check', ws.path('overloaded.sysd')])).status, 1, 'the model has an error');
    const out = ws.path('overloaded.svg');
    const r = await sysd(['render', ws.path('overloaded.sysd'), '-o', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(readFileSync(out, 'utf8').startsWith('<svg'));
    const strict = await sysd(['render', ws.path('overloaded.sysd'), '-o', out, '--strict']);
    assert.equal(strict.status, 1);
  });

  test('a file it cannot write is still exit 2', async () => {
    const r = await sysd(['render', ws.path('shop.sysd'), '-o', ws.path('no-such-dir/x.svg')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot be written/);
  });
});
