import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, applyEdits } from './harness';

let client: TestClient;
before(async () => (client = await TestClient.start()));
after(async () => client.stop());

let n = 0;
/** Opens a text, asks for the quick fixes of the first diagnostic with `code`, and returns them with the text. */
async function fixes(text: string, code: string) {
  const uri = `file:///fix/${n++}.sysd`;
  const diagnostics = await client.open(uri, text);
  const diagnostic = diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} in ${JSON.stringify(diagnostics)}`);
  const actions: any[] = await client.request('textDocument/codeAction', {
    textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
  });
  const apply = (action: any) => applyEdits(text, action.edit.changes[uri]);
  // Silencing a finding is offered last, for every design finding; the tests of repairs leave it aside.
  const silencing = (a: any) => /^(Ignore '|Turn ')/.test(a.title);
  return { actions: actions.filter((a) => !silencing(a)), silence: actions.filter(silencing), apply };
}

/** The codes left after applying a fix, by analysing the new text. */
async function codesOf(text: string): Promise<string[]> {
  return (await client.open(`file:///fix/after-${n++}.sysd`, text)).map((d) => String(d.code));
}

describe('quick fixes', () => {
  test('spof → add replicas: 2, written into a one-line body', async () => {
    const text = 'system s {\n  users web\n  service api { capacity: 100 rps }\n  web -> api\n}\n';
    const { actions, apply } = await fixes(text, 'spof');
    assert.equal(actions[0].title, "Add replicas: 2 to 'api'");
    const fixed = apply(actions[0]);
    assert.match(fixed, /service api \{ capacity: 100 rps; replicas: 2 \}/);
    assert.ok(!(await codesOf(fixed)).includes('spof'));
  });

  test('spof on a component without a body gets one; in a multi-line body, a new line', async () => {
    const bare = await fixes('system s {\n  users web\n  service api\n  web -> api\n}\n', 'spof');
    assert.match(bare.apply(bare.actions[0]), /\n  service api \{ replicas: 2 \}\n/);
    const multi = await fixes('system s {\n  users web\n  service api {\n    latency: 5ms\n  }\n  web -> api\n}\n', 'spof');
    assert.match(multi.apply(multi.actions[0]), /service api \{\n    latency: 5ms\n    replicas: 2\n  \}/);
  });

  test('spof on an external → its one call made optional (not replicas), offered but not preferred', async () => {
    const text = 'system s {\n  users web\n  service api { replicas: 2 }\n  external stripe\n  web -> api\n  api -> stripe { timeout: 2s; breaker }\n}\n';
    const { actions, apply } = await fixes(text, 'spof');
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Make the call api -> stripe optional', false]]);
    const fixed = apply(actions[0]);
    assert.match(fixed, /api -> stripe \{ timeout: 2s; breaker; optional \}/);
    assert.ok(!(await codesOf(fixed)).includes('spof'));
    // Called from two places: no single edit makes it optional.
    const twice = await fixes(text.replace('  api -> stripe', '  web -> stripe\n  api -> stripe'), 'spof');
    assert.deepEqual(twice.actions, []);
  });

  test('no-breaker → add a timeout and a breaker to the call', async () => {
    const text = 'system s {\n  users web\n  service api { replicas: 2 }\n  external pay { replicas: 2 }\n  web -> api\n  api -> pay\n}\n';
    const { actions, apply } = await fixes(text, 'no-breaker');
    const fixed = apply(actions[0]);
    assert.match(fixed, /api -> pay \{ timeout: 2s; breaker \}/);
    assert.ok(!(await codesOf(fixed)).includes('no-breaker'));
  });

  test('zone-spof → spread the component over the declared zones', async () => {
    const text = 'system s {\n  zone a { availability: 99.9% }\n  zone b { availability: 99.9% }\n  users web\n  service api { replicas: 2; zones: a }\n  web -> api\n}\n';
    const { actions, apply } = await fixes(text, 'zone-spof');
    const fixed = apply(actions[0]);
    assert.match(fixed, /service api \{ replicas: 2; zones: a, b \}/);
    assert.ok(!(await codesOf(fixed)).includes('zone-spof'));
  });

  test('unknown-property → the did-you-mean key', async () => {
    const text = 'system s {\n  users web\n  service api { replcas: 2 }\n  web -> api\n}\n';
    const { actions, apply } = await fixes(text, 'unknown-property');
    assert.equal(actions[0].title, "Change to 'replicas'");
    assert.match(apply(actions[0]), /service api \{ replicas: 2 \}/);
  });

  test('a label missing its closing quote → close it before the block', async () => {
    const text = 'system s {\n  users web\n  service api "Checkout API {\n    replicas: 2\n  }\n  web -> api\n}\n';
    const { actions, apply } = await fixes(text, 'syntax');
    assert.deepEqual(actions.map((a) => a.title), ['Close the string']);
    const fixed = apply(actions[0]);
    assert.match(fixed, /service api "Checkout API" \{\n/);
    assert.ok(!(await codesOf(fixed)).includes('syntax'));
  });

  test('a string that goes on to the next line → join the lines', async () => {
    const text = 'system s {\n  users web\n  service api {\n    technology: "Node.js service that handles   \n      the checkout flow" }\n  web -> api\n}\n';
    const { actions, apply } = await fixes(text, 'syntax');
    assert.deepEqual(actions.map((a) => a.title), ['Join the string onto one line']);
    const fixed = apply(actions[0]);
    assert.match(fixed, /\n    technology: "Node.js service that handles the checkout flow" \}\n/);
    assert.ok(!(await codesOf(fixed)).includes('syntax'));
  });

  test('a diagnostic the editor still shows from before an edit is fixed where it now stands', async () => {
    // The syntax error's proposed edit is an offset into the text it was found in; two lines later inserted above, it must move.
    const uri = `file:///fix/stale-${n++}.sysd`;
    const before = 'system s {\n  users web\n  service api { replicas 2 }\n  web -> api\n}\n';
    const old = (await client.open(uri, before)).find((d) => d.code === 'syntax')!;
    const version = await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '  // notes\n  // more\n' }]);
    await client.waitForDiagnostics(uri, version);
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: old.range, context: { diagnostics: [old] } });
    assert.deepEqual(actions.map((a) => a.title), ["Add ':' after 'replicas'"]);
    const now = before.replace('  users web\n', '  // notes\n  // more\n  users web\n');
    assert.match(applyEdits(now, actions[0].edit.changes[uri]), /service api \{ replicas: 2 \}/);
  });

  test("a forgotten ':' → add it after the key", async () => {
    const text = 'system s {\n  users web\n  service api { replicas 2 }\n  web -> api\n}\n';
    const { actions, apply } = await fixes(text, 'syntax');
    assert.deepEqual(actions.map((a) => a.title), ["Add ':' after 'replicas'"]);
    const fixed = apply(actions[0]);
    assert.match(fixed, /service api \{ replicas: 2 \}/);
    assert.ok(!(await codesOf(fixed)).includes('syntax'));
  });

  test('a declaration that is also an edge → split it over two lines, indented alike', async () => {
    const text = 'system s {\n  users web\n  web -> api\n  service api -> db\n  database db\n}\n';
    const { actions, apply } = await fixes(text, 'syntax');
    assert.deepEqual(actions.map((a) => a.title), ["Split into 'service api' and 'api -> db'"]);
    const fixed = apply(actions[0]);
    assert.match(fixed, /\n  service api\n  api -> db\n  database db\n/);
    assert.ok(!(await codesOf(fixed)).includes('syntax'));
  });

  test('unknown-reference → the did-you-mean name, or declare it as a component', async () => {
    const text = 'system s {\n  users web\n  service api { replicas: 2 }\n  web -> apii\n}\n';
    const { actions, apply } = await fixes(text, 'unknown-reference');
    assert.deepEqual(actions.map((a) => a.title), ["Change to 'api'", "Declare 'apii' as a service"]);
    assert.match(apply(actions[0]), /web -> api\n/);
    const declared = apply(actions[1]);
    assert.match(declared, /\n  service apii\n  web -> apii\n/);
    assert.ok(!(await codesOf(declared)).includes('unknown-reference'));
  });

  test('invalid-value: a duration without a unit → choose ms or s, neither preferred', async () => {
    const text = 'system s {\n  users web\n  service api { replicas: 2; latency: 20 }\n  web -> api\n}\n';
    const { actions, apply } = await fixes(text, 'invalid-value');
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Write 20ms', false], ['Write 20s', false]]);
    const fixed = apply(actions[0]);
    assert.match(fixed, /latency: 20ms \}/);
    assert.ok(!(await codesOf(fixed)).includes('invalid-value'));
  });

  test('invalid-value: a fraction where a percentage belongs, a bare word where a string belongs, a misspelt word', async () => {
    for (const [value, title, written] of [
      ['availability: 0.999', 'Write 99.9%', 'availability: 99.9%'],
      ['technology: postgres', 'Write "postgres"', 'technology: "postgres"'],
      ['mode: active-pasive', "Change to 'active-passive'", 'mode: active-passive'],
    ]) {
      const text = `system s {\n  users web\n  service api { replicas: 2; ${value} }\n  web -> api\n}\n`;
      const { actions, apply } = await fixes(text, 'invalid-value');
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [[title, true]], value);
      const fixed = apply(actions[0]);
      assert.ok(fixed.includes(`{ replicas: 2; ${written} }`), fixed);
      assert.ok(!(await codesOf(fixed)).includes('invalid-value'), value);
    }
  });

  test('invalid-value: a misspelt severity in a lint block → the severity, offered once', async () => {
    const text = 'system s {\n  lint { spof: warn }\n  users web\n  service api\n  web -> api\n}\n';
    const { actions, apply } = await fixes(text, 'invalid-value');
    assert.deepEqual(actions.map((a) => a.title), ["Change to 'warning'"]);
    assert.match(apply(actions[0]), /lint \{ spof: warning \}/);
  });

  test('no-replica → add replicas: 2 to the store', async () => {
    const text = 'system s {\n  users web\n  service api { replicas: 2 }\n  database db\n  web -> api -> db\n}\n';
    const { actions, apply } = await fixes(text, 'no-replica');
    assert.deepEqual(actions.map((a) => a.title), ["Add replicas: 2 to 'db'"]);
    const fixed = apply(actions[0]);
    assert.match(fixed, /database db \{ replicas: 2 \}/);
    assert.ok(!(await codesOf(fixed)).includes('no-replica'));
  });

  test('overload, hot and no-headroom → the fewest replicas that clear all three', async () => {
    // 1,000 rps at peak on 150 rps instances: 9 keep it under 80% (74%) and fit after losing one;
    // over three zones, losing the fullest must leave 7 running, which takes 11 (4 + 4 + 3).
    const cases: [string, string, string][] = [
      ['overload', 'replicas: 2; capacity: 150 rps', 'Set replicas: 9'],
      ['hot', 'replicas: 8; capacity: 150 rps', 'Set replicas: 9'],
      ['no-headroom', 'replicas: 9; capacity: 150 rps; zones: a, b, c', 'Set replicas: 11'],
    ];
    for (const [code, props, title] of cases) {
      const text = `system s {\n  zone a\n  zone b\n  zone c\n  users web { rps: 1000 }\n  service api { ${props} }\n  web -> api\n}\n`;
      const { actions, apply } = await fixes(text, code);
      assert.equal(actions.length, 1, code);
      assert.ok(actions[0].title.startsWith(`${title} on 'api' (`), `${code}: ${actions[0].title}`);
      assert.equal(actions[0].isPreferred, true);
      const fixed = apply(actions[0]);
      const after = await codesOf(fixed);
      for (const gone of ['overload', 'hot', 'no-headroom']) assert.ok(!after.includes(gone), `${code}: ${gone} still reported after ${actions[0].title}`);
      // The fewest: one replica less still leaves a finding.
      const fewer = fixed.replace(/replicas: (\d+)/, (_, n) => `replicas: ${Number(n) - 1}`);
      assert.ok((await codesOf(fewer)).some((c) => ['overload', 'hot', 'no-headroom'].includes(c)), `${code}: one replica fewer would also do`);
    }
  });

  test('cache-failure-overload → replicas that carry the cache\'s load, or the capacity a single active instance needs', async () => {
    // 1,000 rps at peak, 80% of it served by the cache: without it, 'api' must carry 1,000 rps on 150 rps instances.
    const system = (api: string) => `system s {\n  users web { rps: 1000 }\n  cache redis { hit: 80%; capacity: 50k rps; replicas: 2 }\n  ${api}\n  web -> redis { optional }\n  redis -> api\n}\n`;
    const text = system('service api { replicas: 3; capacity: 150 rps }');
    const { actions, apply } = await fixes(text, 'cache-failure-overload');
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [["Set replicas: 7 on 'api' (95% at peak if 'redis' fails)", true]]);
    const fixed = apply(actions[0]);
    assert.ok(!(await codesOf(fixed)).includes('cache-failure-overload'));
    assert.ok((await codesOf(fixed.replace('replicas: 7', 'replicas: 6'))).includes('cache-failure-overload'), 'six would do');
    const passive = system('database api { replicas: 2; replication: sync; capacity: 250 rps }');
    const single = await fixes(passive, 'cache-failure-overload');
    assert.deepEqual(single.actions.map((a) => [a.title, a.isPreferred]), [["Set capacity: 1k rps on 'api' (enough if 'redis' fails)", false]]);
    const bigger = single.apply(single.actions[0]);
    assert.match(bigger, /database api \{ replicas: 2; replication: sync; capacity: 1k rps \}/);
    assert.ok(!(await codesOf(bigger)).includes('cache-failure-overload'));
  });

  test('overload and hot on an active-passive component → the capacity its one active instance needs', async () => {
    for (const [code, capacity, written] of [['overload', '500 rps', '1300 rps'], ['hot', '1100 rps', '1300 rps']]) {
      // 1,000 rps at peak; at most 80%: 1,250 rps, rounded up to two significant figures.
      const text = `system s {\n  users web { rps: 1000 }\n  database db { replicas: 2; replication: sync; capacity: ${capacity} }\n  web -> db\n}\n`;
      const { actions, apply } = await fixes(text, code);
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [[`Set capacity: ${written} on 'db'`, false]], code);
      const after = await codesOf(apply(actions[0]));
      assert.ok(!after.includes('overload') && !after.includes('hot'), `${code}: ${after}`);
    }
  });

  test('async-replication, cross-region-sync, cold-standby → the other setting, offered but not preferred', async () => {
    const cases: [string, string, string, string][] = [
      ['async-replication', 'database db { replicas: 2 }', 'Replicate synchronously (replication: sync)', 'database db { replicas: 2; replication: sync }'],
      ['cross-region-sync', 'database db { replicas: 2; replication: sync; zones: a, b }', 'Replicate asynchronously (replication: async)', 'database db { replicas: 2; replication: async; zones: a, b }'],
      ['cold-standby', 'database db { replicas: 2; mode: active-passive; standby: cold }', 'Use a warm standby (standby: warm)', 'database db { replicas: 2; mode: active-passive; standby: warm }'],
    ];
    for (const [code, db, title, written] of cases) {
      const text = `system s {\n  region r1 { zone a }\n  region r2 { zone b }\n  users web\n  service api { replicas: 2 }\n  ${db}\n  web -> api -> db\n}\n`;
      const { actions, apply } = await fixes(text, code);
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [[title, false]], code);
      const fixed = apply(actions[0]);
      assert.ok(fixed.includes(written), fixed);
      assert.ok(!(await codesOf(fixed)).includes(code), code);
    }
  });

  test('sync-cycle → make the closing call async or optional', async () => {
    const text = 'system s {\n  users web\n  service a { replicas: 2 }\n  service b { replicas: 2 }\n  web -> a\n  a -> b\n  b -> a\n}\n';
    const { actions, apply } = await fixes(text, 'sync-cycle');
    assert.deepEqual(actions.map((a) => a.title), ['Make the call b -> a asynchronous (~>)', 'Make the call b -> a optional']);
    const async = apply(actions[0]);
    assert.match(async, /\n  b ~> a\n/);
    assert.ok(!(await codesOf(async)).includes('sync-cycle'));
    const optional = apply(actions[1]);
    assert.match(optional, /\n  b -> a \{ optional \}\n/);
    assert.ok(!(await codesOf(optional)).includes('sync-cycle'));
  });

  test('sync-cycle on an arrow shared by several calls offers no edit that would change them all', async () => {
    const text = 'system s {\n  users web\n  service a { replicas: 2 }\n  service b { replicas: 2 }\n  service c { replicas: 2 }\n  web -> a\n  a -> b\n  b -> a, c\n}\n';
    const { actions } = await fixes(text, 'sync-cycle');
    assert.deepEqual(actions, []);
  });

  test('no-entry → a users entry that calls what nothing calls, in a multi-line or one-line body', async () => {
    const text = 'system s {\n    service api { replicas: 2 }\n    database db { replicas: 2 }\n    api -> db\n}\n';
    const { actions, apply } = await fixes(text, 'no-entry');
    assert.deepEqual(actions.map((a) => a.title), ["Add a 'users' entry 'web' that calls api"]);
    const fixed = apply(actions[0]);
    assert.match(fixed, /^system s \{\n    users web \{ rps: 100 \}\n    web -> api\n    service api/);
    assert.ok(!(await codesOf(fixed)).includes('no-entry'));
    const line = 'system s { service web { replicas: 2 } }\n';
    const one = await fixes(line, 'no-entry');
    assert.deepEqual(one.actions.map((a) => a.title), ["Add a 'users' entry 'web-2' that calls web"]);
    const fixedLine = one.apply(one.actions[0]);
    assert.equal(fixedLine, 'system s { users web-2 { rps: 100 }; web-2 -> web; service web { replicas: 2 } }\n');
    assert.ok(!(await codesOf(fixedLine)).includes('no-entry'));
  });

  test('a design finding can be silenced before its statement, or turned off in the lint block', async () => {
    const text = 'system s {\n  users web\n  service api { replicas: 2 }\n  database db\n  web -> api -> db\n}\n';
    const { silence, apply } = await fixes(text, 'no-replica');
    assert.deepEqual(silence.map((a) => [a.title, a.isPreferred]), [["Ignore 'no-replica' here (// sysd-ignore)", false], ["Turn 'no-replica' off in system 's' (lint)", false]]);
    const ignored = apply(silence[0]);
    assert.match(ignored, /\n  service api \{ replicas: 2 \}\n  \/\/ sysd-ignore no-replica\n  database db\n/);
    assert.ok(!(await codesOf(ignored)).includes('no-replica'));
    const off = apply(silence[1]);
    assert.match(off, /^system s \{\n  lint \{ no-replica: off \}\n  users web\n/);
    assert.ok(!(await codesOf(off)).includes('no-replica'));
  });

  test('silencing joins an existing sysd-ignore comment and an existing lint block; errors in the text cannot be silenced', async () => {
    const text = 'system s {\n  lint { spof: off }\n  users web\n  service api { replicas: 2 }\n  // sysd-ignore spof\n  database db\n  web -> api -> db\n}\n';
    const { silence, apply } = await fixes(text, 'no-replica');
    const ignored = apply(silence[0]);
    assert.match(ignored, /\n  \/\/ sysd-ignore spof, no-replica\n  database db\n/);
    assert.ok(!(await codesOf(ignored)).includes('no-replica'));
    const off = apply(silence[1]);
    assert.match(off, /lint \{ spof: off; no-replica: off \}/);
    assert.ok(!(await codesOf(off)).includes('no-replica'));
    const broken = await fixes('system s {\n  users web\n  service api { replicas: 2; latency: 20 }\n  web -> api\n}\n', 'invalid-value');
    assert.deepEqual(broken.silence, []);
  });

  test('a finding on a property inside a multi-line block is silenced on the line before that property', async () => {
    const text = 'system s {\n  users web\n  service api { replicas: 2 }\n  database db {\n    replicas: 2\n    replication: async\n  }\n  web -> api -> db\n}\n';
    const { silence, apply } = await fixes(text, 'async-replication');
    const ignored = apply(silence[0]);
    assert.match(ignored, /\n    replicas: 2\n    \/\/ sysd-ignore async-replication\n    replication: async\n/);
    assert.ok(!(await codesOf(ignored)).includes('async-replication'));
  });
});
