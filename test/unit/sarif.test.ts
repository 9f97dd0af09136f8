/**
 * `sysd check --format sarif` for GitHub code scanning: the log must
 * validate against the SARIF 2.1.0 schema, and each finding must keep its
 * rule, level and region so the annotation lands on the right text.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import { CODES } from '../../core/codes';
import { CLEAN, ONE_ERROR, sysd, workspace } from '../fixtures/cli/run-cli';

const schema = JSON.parse(readFileSync('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', 'utf8'));
// The schema uses formats ajv does not ship; check them here rather than install ajv-formats.
// The schema's `language` pattern has a stray ']' that is an error under the 'u' flag, so compile without it.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s));
ajv.addFormat('uri-reference', (s: string) => /^([A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(s));
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
const validate = ajv.compile(schema);

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

/** A spof (warning, with related locations), no-capacity hints and a no-breaker info. */
const FINDINGS = `system shop {
  users web { rps: 10 }
  service api
  external stripe
  web -> api -> stripe
}
`;

const ws = workspace({ 'findings.sysd': FINDINGS, 'clean.sysd': CLEAN, 'error.sysd': ONE_ERROR, 'my design #2.sysd': FINDINGS });
after(() => ws.cleanup());

async function sarif(...files: string[]) {
  const r = await sysd(['check', '--format', 'sarif', ...files.map((f) => ws.path(f))]);
  assert.equal(r.stderr, '');
  return { status: r.status, log: JSON.parse(r.stdout) };
}

describe('check --format sarif', () => {
  test('validates against the SARIF 2.1.0 schema', async () => {
    const { log } = await sarif('findings.sysd', 'error.sysd');
    assertValid(log);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
  });

  test('the validator does reject a broken log', async () => {
    const { log } = await sarif('findings.sysd');
    log.runs[0].results[0].level = 'fatal';
    assert.equal(validate(log), false);
  });

  test('a clean file gives a valid log with no results', async () => {
    const { status, log } = await sarif('clean.sysd');
    assertValid(log);
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(status, 0);
  });

  test('a finding keeps its rule, level and 1-based region', async () => {
    const { log } = await sarif('findings.sysd');
    const results = log.runs[0].results;
    const spof = results.find((r: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) =>
      r.ruleId === 'spof' && r.locations[0].physicalLocation.region.startLine === 3);
    assert.ok(spof, JSON.stringify(results.map((r: { ruleId: string }) => r.ruleId)));
    assert.equal(spof.level, 'warning');
    assert.match(spof.message.text, /'api' is a single point of failure/);
    // `  service api`: 'api' spans columns 11–13; SARIF's endColumn is exclusive.
    assert.deepEqual(spof.locations[0].physicalLocation.region, { startLine: 3, startColumn: 11, endLine: 3, endColumn: 14 });
    assert.ok(spof.locations[0].physicalLocation.artifactLocation.uri.endsWith('/findings.sysd'));
    assert.equal(log.runs[0].tool.driver.rules[spof.ruleIndex].id, 'spof');
    assert.ok(spof.relatedLocations.some((l: { physicalLocation: { region: { startLine: number } } }) => l.physicalLocation.region.startLine === 2));
    // The editor's repair as a SARIF fix (silencing is not offered as one): open a block after the name.
    assert.deepEqual(spof.fixes.map((f: { description: { text: string } }) => f.description.text), ["Add replicas: 2 to 'api'"]);
    assert.deepEqual(spof.fixes[0].artifactChanges[0].replacements, [
      { deletedRegion: { startLine: 3, startColumn: 14, endLine: 3, endColumn: 14 }, insertedContent: { text: ' { replicas: 2 }' } },
    ]);
  });

  test('error stays error; info and hint become note', async () => {
    const levels = new Map<string, string>();
    for (const file of ['findings.sysd', 'error.sysd']) {
      for (const r of (await sarif(file)).log.runs[0].results) levels.set(r.ruleId, r.level);
    }
    assert.equal(levels.get('overload'), 'error');
    assert.equal(levels.get('spof'), 'warning');
    assert.equal(levels.get('no-breaker'), 'note');
    assert.equal(levels.get('no-capacity'), 'note');
  });

  test('lists every diagnostic code as a rule with its default level', async () => {
    const { log } = await sarif('clean.sysd');
    const rules = log.runs[0].tool.driver.rules;
    assert.deepEqual(rules.map((r: { id: string }) => r.id), CODES.map((c) => c.code));
    assert.equal(rules.find((r: { id: string }) => r.id === 'overload').defaultConfiguration.level, 'error');
    assert.equal(rules.find((r: { id: string }) => r.id === 'unreachable').defaultConfiguration.level, 'note');
  });

  test('a file name with a space and a # is still a valid URI reference', async () => {
    const { log } = await sarif('my design #2.sysd');
    assertValid(log);
    const uri: string = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    assert.ok(uri.endsWith('/my%20design%20%232.sysd'), uri);
  });

  test('exits like the text format: 1 on an error', async () => {
    assert.equal((await sarif('error.sysd')).status, 1);
    assert.equal((await sarif('findings.sysd')).status, 0);
  });
});
