import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKOUT, TestClient, at } from './harness';

let client: TestClient;
before(async () => (client = await TestClient.start()));
after(async () => client.stop());

let n = 0;
/** Opens the analysed base text, then types the fixture (as an edit) and asks for completion at the marker. */
async function complete(source: string, base = CHECKOUT): Promise<any[]> {
  const uri = `file:///completion/${n++}.sysd`;
  await client.open(uri, base);
  const m = at(source);
  await client.change(uri, [{ text: m.text }]);
  const result = await client.request('textDocument/completion', { textDocument: { uri }, position: m.position });
  return Array.isArray(result) ? result : result.items;
}
const labels = (items: any[]) => items.map((i) => i.label);

describe('completion', () => {
  test('after an arrow: the components of the system, not the entries', async () => {
    const items = await complete(CHECKOUT.replace('  api -> events ~> fulfil', '  api -> events ~> fulfil\n  api -> <|>'));
    const names = labels(items);
    for (const name of ['api', 'redis', 'orders', 'stripe', 'fulfil']) assert.ok(names.includes(name), names.join(','));
    assert.ok(!names.includes('shoppers'));
    assert.ok(!names.includes('use1-a'));
  });

  test('a prefix after an arrow still offers the names (the client filters)', async () => {
    const items = await complete(CHECKOUT.replace('  redis -> orders', '  redis -> ord<|>'));
    assert.ok(labels(items).includes('orders'));
  });

  test('after zones: the zone names', async () => {
    const items = await complete(CHECKOUT.replace('worker fulfil { replicas: 2;', 'worker fulfil { zones: <|>; replicas: 2;'));
    assert.deepEqual(labels(items).sort(), ['use1-a', 'use1-b']);
  });

  test('in a component body: the keys valid for its kind, with docs', async () => {
    const items = await complete(CHECKOUT.replace('cache redis { hit: 80%;', 'cache redis {\n    <|>\n    hit: 80%;'));
    const names = labels(items);
    for (const key of ['replicas', 'capacity', 'hit', 'zones', 'availability']) assert.ok(names.includes(key), key);
    assert.ok(!names.includes('replication'), 'replication is for databases only');
    assert.ok(!names.includes('slo'));
    const replicas = items.find((i) => i.label === 'replicas');
    assert.match(replicas.documentation.value, /Number of instances/);
    assert.match(replicas.documentation.value, /Default: 1/);
  });

  test('after an enum key: its values', async () => {
    const items = await complete(CHECKOUT.replace('standby: hot', 'standby: <|>'));
    assert.deepEqual(labels(items), ['hot', 'warm', 'cold']);
  });

  test('in an edge body: edge keys', async () => {
    const items = await complete(CHECKOUT.replace('api -> redis { optional }', 'api -> redis { optional; <|> }'));
    const names = labels(items);
    assert.ok(names.includes('timeout') && names.includes('breaker') && names.includes('retries'));
    assert.ok(!names.includes('replicas'));
  });

  test('at the start of a statement in a system: kinds, keywords, system keys and a component snippet', async () => {
    const items = await complete(CHECKOUT.replace('  dns route53', '  <|>\n  dns route53'));
    const names = labels(items);
    for (const word of ['service', 'database', 'region', 'zone', 'lint', 'slo', 'component']) assert.ok(names.includes(word), word);
    assert.equal(items.find((i) => i.label === 'component').insertTextFormat, 2);
  });

  test('at the top level: a system snippet', async () => {
    const items = await complete(`${CHECKOUT}\n<|>`);
    const snippet = items.find((i) => i.label === 'system' && i.insertTextFormat === 2);
    assert.ok(snippet);
    assert.match(snippet.insertText, /^system \$\{1:name\}/);
  });

  test('in a lint block: diagnostic codes, then severities', async () => {
    const codes = await complete(CHECKOUT.replace('  slo: 99.95%', '  lint { <|> }\n  slo: 99.95%'));
    assert.ok(labels(codes).includes('spof') && labels(codes).includes('no-capacity'));
    const severities = await complete(CHECKOUT.replace('  slo: 99.95%', '  lint { spof: <|> }\n  slo: 99.95%'));
    assert.deepEqual(labels(severities), ['error', 'warning', 'info', 'hint', 'off']);
  });

  test('in the second system of a file: only that system\'s names', async () => {
    const two = `${CHECKOUT}\nsystem other {\n  users people\n  service billing\n  people -> billing\n}\n`;
    const items = await complete(two.replace('  people -> billing\n', '  people -> billing\n  billing -> <|>\n'), two);
    assert.deepEqual(labels(items), ['billing']);
  });

  test('after // sysd-ignore: the design codes not yet listed, and nothing for errors in the text', async () => {
    const items = await complete(CHECKOUT.replace('  redis -> orders', '  // sysd-ignore spof, <|>\n  redis -> orders'));
    const got = labels(items);
    assert.ok(got.includes('no-replica') && got.includes('cache-failure-overload'), got.join(' '));
    assert.ok(!got.includes('spof'), 'spof is already listed');
    assert.ok(!got.includes('syntax') && !got.includes('invalid-value'), got.join(' '));
  });

  test('nothing on the second line of a string written over two lines', async () => {
    const items = await complete(CHECKOUT.replace('  redis -> orders', '  service notes { technology: "Node.js service that\n    <|>handles checkout" }\n  redis -> orders'));
    assert.deepEqual(items, []);
  });

  test('nothing inside a comment', async () => {
    const items = await complete(CHECKOUT.replace('// Checkout, as it runs today.', '// Checkout -> <|>'));
    assert.deepEqual(items, []);
  });

  test('nothing inside a block comment that spans lines, even after an arrow', async () => {
    const items = await complete(CHECKOUT.replace('  redis -> orders', '  /* later:\n     redis -> <|>\n  */\n  redis -> orders'));
    assert.deepEqual(items, []);
  });

  test("a '{' inside an earlier block comment does not change the block being typed in", async () => {
    const items = await complete(CHECKOUT.replace('worker fulfil { replicas: 2;', 'worker fulfil { /* spare\n  lint { */\n  mt<|>\n replicas: 2;'));
    const names = labels(items);
    assert.ok(names.includes('mttr'), names.join(','));
    assert.ok(!names.includes('spof'), 'lint codes offered inside a worker');
  });
});
