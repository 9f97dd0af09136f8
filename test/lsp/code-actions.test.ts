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
  return { actions, apply };
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
});
