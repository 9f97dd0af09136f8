import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../core/index';
import { CHECKOUT, TestClient, positionOf } from './harness';

let client: TestClient;
before(async () => (client = await TestClient.start()));
after(async () => client.stop());

const uri = 'file:///resilience/a.sysd';

/** A tiny seeded generator, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

async function alive(): Promise<void> {
  const symbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(Array.isArray(symbols));
  assert.equal(client.exited, undefined, 'the server exited');
}

describe('resilience', () => {
  test('malformed requests get an answer and the server keeps running', async () => {
    await client.open(uri, CHECKOUT);
    const doc = { textDocument: { uri } };
    const answers = await Promise.allSettled([
      client.request('textDocument/hover', null),
      client.request('textDocument/hover', { textDocument: { uri: 'file:///never-opened.sysd' }, position: { line: 0, character: 0 } }),
      client.request('textDocument/hover', { ...doc, position: { line: -5, character: 1e9 } }),
      client.request('textDocument/hover', { ...doc, position: { line: 'x', character: null } }),
      client.request('textDocument/completion', 'not an object'),
      client.request('textDocument/completion', { ...doc, position: { line: 1e6, character: -1 } }),
      client.request('textDocument/definition', { textDocument: null }),
      client.request('textDocument/rename', { ...doc, position: { line: 1, character: 8 } }),
      client.request('textDocument/codeAction', { ...doc, range: null, context: { diagnostics: [{ code: 'spof', range: null }] } }),
      client.request('textDocument/formatting', {}),
      client.request('textDocument/semanticTokens/full', { textDocument: 42 }),
      client.request('textDocument/inlayHint', { ...doc, range: { start: { line: 99, character: 0 }, end: { line: -1, character: 0 } } }),
      client.request('workspace/symbol', { query: null }),
      client.request('sysd/report', null),
      client.request('sysd/exportSvg', { uri: 5 }),
    ]);
    for (const answer of answers) {
      // An answer may be an error response, but never a dropped connection.
      if (answer.status === 'rejected') assert.ok(!/closed|disposed/i.test(String(answer.reason)), String(answer.reason));
    }
    await alive();
  });

  test('an unknown method is answered with MethodNotFound', async () => {
    await assert.rejects(client.request('sysd/no-such-method', {}), (error: any) => error.code === -32601);
    await alive();
  });

  test('junk on the wire and nonsense notifications do not stop the server', async () => {
    const junk = '{"jsonrpc":"2.0","id":99,"method":';
    client.process.stdin!.write(`Content-Length: ${Buffer.byteLength(junk)}\r\n\r\n${junk}`);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nope', version: 3 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ range: { start: { line: 500, character: 0 }, end: { line: -3, character: 0 } }, text: '}' }] });
    await client.connection.sendNotification('textDocument/didOpen', null);
    await alive();
  });

  test('a thousand random edits with requests in between: every request answered, the final text analysed', async () => {
    const next = random(42);
    const pieces = ['{', '}', '->', ' ~> ', '|', ',', ':', ';', '\n', ' ', '"', '"x"', '//', '/*', '*/', 'service ', 'api', 'zone ', 'replicas: 2',
      '99.9%', '2k rps', 'é', '😀', '\\', 'system z {', 'users u\n', 'u -> api\n', '-', '0', 'k'];
    let text = CHECKOUT;
    client.stderr.length = 0;
    await client.open(uri, text);
    let version = 1;
    const pending: Promise<unknown>[] = [];
    const methods = ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentHighlight',
      'textDocument/references', 'textDocument/prepareRename'];
    for (let i = 0; i < 1000; i++) {
      const start = Math.floor(next() * (text.length + 1));
      const end = Math.min(text.length, start + (next() < 0.4 ? Math.floor(next() * 12) : 0));
      const insert = next() < 0.8 ? pieces[Math.floor(next() * pieces.length)] : '';
      const range = { start: positionOf(text, start), end: positionOf(text, end) };
      text = text.slice(0, start) + insert + text.slice(end);
      version++;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
      const position = positionOf(text, Math.floor(next() * (text.length + 1)));
      const method = methods[i % methods.length];
      pending.push(client.request(method, { textDocument: { uri }, position, context: { includeDeclaration: true } }));
      if (i % 50 === 0) {
        pending.push(client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }));
        pending.push(client.request('textDocument/semanticTokens/full', { textDocument: { uri } }));
        pending.push(client.request('textDocument/codeLens', { textDocument: { uri } }));
        pending.push(client.request('textDocument/foldingRange', { textDocument: { uri } }));
        pending.push(client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: positionOf(text, text.length) } }));
      }
      // Let the event loop breathe now and then, as a typist would, so debounced analyses also run.
      if (i % 100 === 99) await new Promise((r) => setTimeout(r, 200));
    }
    const answers = await Promise.allSettled(pending);
    const failed = answers.filter((a) => a.status === 'rejected');
    assert.equal(failed.length, 0, String((failed[0] as PromiseRejectedResult | undefined)?.reason));
    // The server's copy of the text must match ours: its final diagnostics are those of our text.
    const diagnostics = await client.waitForDiagnostics(uri, version);
    assert.equal(diagnostics.length, analyseText(text).diagnostics.length);
    // Guarded handlers log what they caught; a feature that had to be caught is a bug even if the server lived.
    const caught = client.stderr.filter((m) => /sysd: (?!analysis)\w+ failed/.test(m));
    assert.deepEqual(caught, []);
    await alive();
  });
});
