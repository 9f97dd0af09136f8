/**
 * The JSON document of `sysd check|report --format json` against the shape
 * docs/language.md §10 documents: 1-based positions, fractions, seconds, and null
 * where a figure does not apply.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { NO_ENTRY, ONE_WARNING, sysd, workspace } from '../fixtures/cli/run-cli';

const ws = workspace({ 'warn.sysd': ONE_WARNING, 'none.sysd': NO_ENTRY });
after(() => ws.cleanup());

async function json(argv: string[]) {
  const r = await sysd(argv);
  assert.equal(r.stderr, '');
  return { status: r.status, doc: JSON.parse(r.stdout) };
}

describe('check --format json', () => {
  test('one document with files[].diagnostics and files[].systems', async () => {
    const { status, doc } = await json(['check', '--format', 'json', ws.path('warn.sysd'), ws.path('none.sysd')]);
    assert.equal(status, 0);
    assert.deepEqual(Object.keys(doc), ['files']);
    assert.deepEqual(doc.files.map((f: { file: string }) => f.file), [ws.path('warn.sysd'), ws.path('none.sysd')]);
    for (const f of doc.files) {
      assert.ok(Array.isArray(f.diagnostics));
      assert.ok(Array.isArray(f.systems));
    }
  });

  test('diagnostics carry 1-based line, column, endLine and endColumn (end exclusive)', async () => {
    const { doc } = await json(['check', '--format', 'json', ws.path('warn.sysd')]);
    const spof = doc.files[0].diagnostics.find((d: { code: string }) => d.code === 'spof');
    // `  service api` on line 3: 'api' is columns 11 to 13, so the end column is 14.
    assert.deepEqual(
      { ...spof, message: undefined, fixes: undefined },
      { code: 'spof', severity: 'warning', message: undefined, line: 3, column: 11, endLine: 3, endColumn: 14, fixes: undefined },
    );
    assert.match(spof.message, /add 'replicas: 2'/);
  });

  test("each diagnostic lists the editor's quick fixes, with 1-based edits", async () => {
    const { doc } = await json(['check', '--format', 'json', ws.path('warn.sysd')]);
    const spof = doc.files[0].diagnostics.find((d: { code: string }) => d.code === 'spof');
    // `  service api` has no block: the repair opens one after the name (line 3, column 14).
    assert.deepEqual(spof.fixes[0], {
      title: "Add replicas: 2 to 'api'", kind: 'repair', preferred: true,
      edits: [{ line: 3, column: 14, endLine: 3, endColumn: 14, newText: ' { replicas: 2 }' }],
    });
    assert.deepEqual(spof.fixes.slice(1).map((f: { kind: string; preferred: boolean }) => [f.kind, f.preferred]), [['silence', false], ['silence', false]]);
    assert.deepEqual(spof.fixes[1].edits, [{ line: 3, column: 1, endLine: 3, endColumn: 1, newText: '  // sysd-ignore spof\n' }]);
    for (const d of doc.files[0].diagnostics) assert.ok(Array.isArray(d.fixes), d.code);
  });

  test('systems have the documented figures, in fractions, seconds and requests per second', async () => {
    const { doc } = await json(['check', '--format', 'json', ws.path('warn.sysd')]);
    const s = doc.files[0].systems[0];
    assert.equal(s.name, 'shop');
    // One 99.9% instance on the only path.
    assert.ok(Math.abs(s.availability - 0.999) < 1e-12, String(s.availability));
    assert.ok(Math.abs(s.downtimePerYear - 0.001 * 365.25 * 86_400) < 1e-6, String(s.downtimePerYear));
    assert.equal(s.slo, null, 'no slo is written');
    assert.deepEqual(s.entries, [{
      name: 'web', availability: s.availability, unavailability: s.unavailability, method: 'exact', interval: null,
      latency: 0, latencyVerdict: null, latencyPath: ['web', 'api'], rps: 100, peak: 200,
    }]);
    assert.ok(Math.abs(s.unavailability - 0.001) < 1e-15, String(s.unavailability));
    assert.equal(s.method, 'exact');
    assert.ok(Math.abs(s.downtimePerMonth - 0.001 * 30 * 86_400) < 1e-6, String(s.downtimePerMonth));
    assert.ok(Math.abs(s.downtimePerWeek - 0.001 * 7 * 86_400) < 1e-6, String(s.downtimePerWeek));
    const api = s.components.find((c: { name: string }) => c.name === 'api');
    assert.equal(api.kind, 'service');
    assert.ok(Math.abs(api.availability - 0.999) < 1e-12);
    assert.equal(api.load, 100);
    assert.equal(api.peakLoad, 200);
    assert.equal(api.capacity, null, 'no capacity declared');
    assert.equal(api.utilisation, null, 'no utilisation without a capacity');
    assert.equal(api.spof, true);
    const web = s.components.find((c: { name: string }) => c.name === 'web');
    assert.equal(web.availability, null, 'an entry does not fail');
    assert.equal(web.spof, false);
  });

  test('capacity is per component (capacity × active instances) and utilisation a fraction', async () => {
    const sized = workspace({ 'sized.sysd': ONE_WARNING.replace('service api', 'service api { replicas: 4; capacity: 100 rps }') });
    try {
      const { doc } = await json(['check', '--format', 'json', sized.path('sized.sysd')]);
      const api = doc.files[0].systems[0].components.find((c: { name: string }) => c.name === 'api');
      assert.equal(api.capacity, 400);
      assert.equal(api.utilisation, 0.5);
      assert.equal(api.spof, false);
    } finally {
      sized.cleanup();
    }
  });

  test('a system without an entry has null availability and downtime, not 0 or 1', async () => {
    const { doc } = await json(['check', '--format', 'json', ws.path('none.sysd')]);
    const s = doc.files[0].systems[0];
    assert.equal(s.availability, null);
    assert.equal(s.downtimePerYear, null);
    assert.deepEqual(s.entries, []);
    assert.equal(doc.files[0].diagnostics[0].code, 'no-entry');
  });

  test('report --format json prints the same document for its one file', async () => {
    const check = await json(['check', '--format', 'json', ws.path('warn.sysd')]);
    const report = await json(['report', '--format', 'json', ws.path('warn.sysd')]);
    assert.deepEqual(report.doc, check.doc);
    assert.equal(report.status, 0);
  });
});
