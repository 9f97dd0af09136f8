import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKOUT, TestClient, applyEdits, at } from './harness';

let client: TestClient;
before(async () => (client = await TestClient.start()));
after(async () => client.stop());

let n = 0;
async function openAt(source: string) {
  const uri = `file:///nav/${n++}.sysd`;
  const m = at(source);
  await client.open(uri, m.text);
  return { uri, ...m, doc: { textDocument: { uri }, position: m.position } };
}
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('navigation', () => {
  test('definition from an edge goes to the declaration', async () => {
    const f = await openAt(CHECKOUT.replace('  redis -> orders', '  redis -> or<|>ders'));
    const locations: any[] = await client.request('textDocument/definition', f.doc);
    assert.equal(locations.length, 1);
    assert.equal(locations[0].range.start.line, lineOf(f.text, 'database orders'));
    assert.equal(locations[0].range.start.character, '  database '.length);
  });

  test('definition of a zone in zones: goes to the zone', async () => {
    const f = await openAt(CHECKOUT.replace('zones: use1-a, use1-b\n  }\n  service', 'zones: use1-a, use1<|>-b\n  }\n  service'));
    const locations: any[] = await client.request('textDocument/definition', f.doc);
    assert.equal(locations[0].range.start.line, lineOf(f.text, 'zone use1-b'));
  });

  test('references list every use, with or without the declaration', async () => {
    const f = await openAt(CHECKOUT.replace('service api "Checkout API"', 'service a<|>pi "Checkout API"'));
    const all: any[] = await client.request('textDocument/references', { ...f.doc, context: { includeDeclaration: true } });
    const uses: any[] = await client.request('textDocument/references', { ...f.doc, context: { includeDeclaration: false } });
    assert.equal(all.length, 5);
    assert.equal(uses.length, 4);
  });

  test('highlights mark the declaration as a write and uses as reads', async () => {
    const f = await openAt(CHECKOUT.replace('  redis -> orders', '  re<|>dis -> orders'));
    const highlights: any[] = await client.request('textDocument/documentHighlight', f.doc);
    assert.deepEqual(highlights.map((h) => h.kind).sort(), [2, 2, 3]);
  });

  test('rename changes the declaration, the edges and zones: lists', async () => {
    const f = await openAt(CHECKOUT.replace('zone use1-a {', 'zone use1<|>-a {'));
    const prepared: any = await client.request('textDocument/prepareRename', f.doc);
    assert.equal(prepared.placeholder, 'use1-a');
    const edit: any = await client.request('textDocument/rename', { ...f.doc, newName: 'east-a' });
    const renamed = applyEdits(f.text, edit.changes[f.uri]);
    assert.equal(renamed.match(/use1-a/g), null);
    assert.equal(renamed.match(/east-a/g)!.length, 5);
    const after = await client.open(`file:///nav/renamed-${n++}.sysd`, renamed);
    assert.ok(!after.some((d) => d.code === 'unknown-reference'));
  });

  test('rename refuses a reserved word or a name already taken', async () => {
    const f = await openAt(CHECKOUT.replace('cache redis', 'cache red<|>is'));
    await assert.rejects(client.request('textDocument/rename', { ...f.doc, newName: 'service' }), /reserved/);
    await assert.rejects(client.request('textDocument/rename', { ...f.doc, newName: 'api' }), /already declared/);
    await assert.rejects(client.request('textDocument/rename', { ...f.doc, newName: 'bad-' }), /not a valid name/);
  });

  test('prepareRename on a keyword gives nothing to rename', async () => {
    const f = await openAt(CHECKOUT.replace('cache redis', 'ca<|>che redis'));
    assert.equal(await client.request('textDocument/prepareRename', f.doc), null);
  });
});

describe('symbols, folding, tokens', () => {
  test('document symbols nest system → region → zones, components under the system', async () => {
    const uri = `file:///nav/${n++}.sysd`;
    await client.open(uri, CHECKOUT);
    const symbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'checkout');
    const names = symbols[0].children.map((c: any) => c.name);
    assert.deepEqual(names, ['shoppers', 'us-east', 'route53', 'edge', 'alb', 'api', 'redis', 'orders', 'events', 'fulfil', 'stripe']);
    const region = symbols[0].children[1];
    assert.deepEqual(region.children.map((c: any) => c.name), ['use1-a', 'use1-b']);
  });

  test('workspace symbols find declarations across open documents', async () => {
    const uri = `file:///nav/ws-${n++}.sysd`;
    await client.open(uri, 'system other {\n  users people\n  service unique-thing\n  people -> unique-thing\n}\n');
    const symbols: any[] = await client.request('workspace/symbol', { query: 'uniqthing' });
    assert.ok(symbols.some((s) => s.name === 'unique-thing' && s.location.uri === uri && s.containerName === 'other'));
  });

  test('folding ranges cover multi-line blocks and comment runs', async () => {
    const uri = `file:///nav/${n++}.sysd`;
    const text = `// one\n// two\n${CHECKOUT}`;
    await client.open(uri, text);
    const ranges: any[] = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(ranges.some((r) => r.startLine === 0 && r.endLine === 2 && r.kind === 'comment'), JSON.stringify(ranges));
    const api = lineOf(text, 'service api');
    assert.ok(ranges.some((r) => r.startLine === api && r.endLine === api + 5));
    assert.ok(ranges.some((r) => r.startLine === lineOf(text, 'system checkout')));
  });

  test('semantic tokens mark component declarations, zones and property keys', async () => {
    const uri = `file:///nav/${n++}.sysd`;
    const text = 'system s {\n  zone z1\n  users web\n  service api { zones: z1 }\n  web -> api\n}\n';
    await client.open(uri, text);
    const { data }: { data: number[] } = await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    const legend = ['namespace', 'class', 'event', 'property', 'enumMember', 'type', 'keyword', 'number', 'string', 'variable'];
    const decoded: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
      const word = text.split('\n')[line].slice(char, char + data[i + 2]);
      decoded.push(`${word}:${legend[data[i + 3]]}${data[i + 4] & 1 ? '+decl' : ''}`);
    }
    assert.deepEqual(decoded, [
      'system:keyword', 's:namespace+decl', 'zone:keyword', 'z1:namespace+decl', 'users:type', 'web:event+decl',
      'service:type', 'api:class+decl', 'zones:property', 'z1:namespace', 'web:event', 'api:class',
    ]);
  });
});

describe('formatting', () => {
  test('one canonical layout, comments kept, and formatting twice changes nothing', async () => {
    const messy = 'system s {\nslo:99.9%;\n\n\n   users web {rps:10}   // the people\n  service api{replicas:2;capacity:100 rps;}\n /* keep\n me */\nweb->api\n}';
    const uri = `file:///nav/fmt-${n++}.sysd`;
    await client.open(uri, messy);
    const edits: any[] = await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const once = applyEdits(messy, edits);
    assert.equal(once, 'system s {\n  slo: 99.9%\n\n  users web { rps: 10 } // the people\n  service api { replicas: 2; capacity: 100 rps }\n  /* keep\n me */\n  web -> api\n}\n');
    const uri2 = `file:///nav/fmt-${n++}.sysd`;
    await client.open(uri2, once);
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri: uri2 }, options: { tabSize: 2, insertSpaces: true } }), []);
  });

  test('CRLF line endings are kept', async () => {
    const uri = `file:///nav/fmt-${n++}.sysd`;
    const text = 'system s {\r\nusers web\r\n}\r\n';
    await client.open(uri, text);
    const edits: any[] = await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(edits[0].newText, 'system s {\r\n  users web\r\n}\r\n');
  });

  test('a file that does not parse is left alone', async () => {
    const uri = `file:///nav/fmt-${n++}.sysd`;
    await client.open(uri, 'system s {\n service api {\n');
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);
  });

  test('the checkout example is already canonical', async () => {
    const uri = `file:///nav/fmt-${n++}.sysd`;
    await client.open(uri, CHECKOUT);
    const edits: any[] = await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(edits, []);
  });
});
