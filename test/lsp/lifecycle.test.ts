/**
 * The LSP lifecycle and cancellation (issue 16, items 16 and 17), over raw
 * stdio so the test controls which messages arrive together.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKOUT } from './harness';
import { RawClient } from './raw-client';

const started: RawClient[] = [];
after(() => started.forEach((c) => c.kill()));

function start(): RawClient {
  const client = RawClient.start();
  started.push(client);
  return client;
}

const uri = 'file:///lifecycle/a.sysd';
const hover = { textDocument: { uri }, position: { line: 1, character: 8 } };

describe('cancellation (16.16)', () => {
  test('a request cancelled before it ran is answered RequestCancelled and does not run', async () => {
    const client = start();
    await client.initialize();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'sysd', version: 1, text: CHECKOUT } });
    const cancelled: number[] = [];
    for (let i = 0; i < 50; i++) {
      // The request and its cancellation in one write: the server reads both before it runs either.
      const { id, message } = client.request('textDocument/hover', hover);
      client.send(message, { method: '$/cancelRequest', params: { id } });
      cancelled.push(id);
    }
    const answers = await Promise.all(cancelled.map((id) => client.response(id)));
    for (const answer of answers) assert.equal(answer.error?.code, -32800, JSON.stringify(answer));
    // A request nobody cancelled is still answered.
    const kept = await client.call('textDocument/hover', hover);
    assert.equal(kept.error, undefined);
    assert.match(JSON.stringify(kept.result), /system checkout/);
  });
});

describe('lifecycle (16.17)', () => {
  test('a request before initialize is refused with ServerNotInitialized', async () => {
    const client = start();
    const early = await client.call('textDocument/hover', hover);
    assert.equal(early.error?.code, -32002);
    assert.equal((await client.initialize()).error, undefined);
  });

  test('a second initialize is rejected; the first one stands', async () => {
    const client = start();
    const first = await client.initialize();
    assert.ok((first.result as any).capabilities.hoverProvider);
    const second = await client.call('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(second.error?.code, -32600, JSON.stringify(second));
  });

  test('after shutdown every request gets InvalidRequest, and exit exits with 0', async () => {
    const client = start();
    await client.initialize();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'sysd', version: 1, text: CHECKOUT } });
    const down = await client.call('shutdown', null);
    assert.equal(down.error, undefined);
    assert.equal(down.result, null);
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'workspace/symbol']) {
      const answer = await client.call(method, method === 'workspace/symbol' ? { query: '' } : hover);
      assert.equal(answer.error?.code, -32600, `${method}: ${JSON.stringify(answer)}`);
    }
    client.notify('exit', null);
    assert.equal(await client.exit, 0);
  });

  test('exit without shutdown exits with 1', async () => {
    const client = start();
    await client.initialize();
    client.notify('exit', null);
    assert.equal(await client.exit, 1);
  });
});
