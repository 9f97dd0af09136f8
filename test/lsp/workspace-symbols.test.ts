import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './harness';

let client: TestClient;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sysd-ws-'));
  mkdirSync(join(dir, 'nested'));
  writeFileSync(join(dir, 'nested', 'billing.sysd'), 'system billing {\n  users finance\n  database ledger-db { replicas: 2 }\n  finance -> ledger-db\n}\n');
  mkdirSync(join(dir, 'node_modules'));
  writeFileSync(join(dir, 'node_modules', 'skip.sysd'), 'system skipped {\n  service ledger-copy\n}\n');
  client = await TestClient.start({ rootUri: pathToFileURL(dir).href, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
});
after(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

const names = (symbols: any[]) => symbols.map((s) => s.name).sort();

/**
 * The folder is indexed in the background after start-up, so the first
 * answers may come before it is done: ask until `done` holds (a safety net
 * of 3 minutes, not a measure: indexing on a busy machine is slow).
 */
async function symbolsUntil(query: string, done: (symbols: any[]) => boolean): Promise<any[]> {
  let symbols: any[] = [];
  for (let i = 0; i < 1800; i++) {
    symbols = await client.request('workspace/symbol', { query });
    if (done(symbols)) return symbols;
    await new Promise((r) => setTimeout(r, 100));
  }
  return symbols;
}

test('workspace symbols include .sysd files on disk that are not open, but not node_modules', async () => {
  const symbols = await symbolsUntil('ledger', (s) => s.length > 0);
  assert.deepEqual(symbols.map((s) => s.name), ['ledger-db']);
  assert.equal(symbols[0].containerName, 'billing');
  assert.equal(symbols[0].location.uri, pathToFileURL(join(dir, 'nested', 'billing.sysd')).href);
  assert.deepEqual(symbols[0].location.range.start, { line: 2, character: 11 });
});

test('the folder is walked once: files come and go through the editor\'s file watcher (16.4)', async () => {
  await symbolsUntil('ledger', (s) => s.length > 0);
  const added = join(dir, 'nested', 'audit.sysd');
  writeFileSync(added, 'system audit {\n  service ledger-audit\n}\n');
  // Not reported by the watcher yet: a request does not walk the folder again (the old server did, every time).
  assert.deepEqual(names(await client.request('workspace/symbol', { query: 'ledger' })), ['ledger-db']);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).href, type: 1 }] });
  assert.deepEqual(names(await symbolsUntil('ledger', (s) => s.length === 2)), ['ledger-audit', 'ledger-db']);
  unlinkSync(added);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).href, type: 3 }] });
  assert.deepEqual(names(await symbolsUntil('ledger', (s) => s.length === 1)), ['ledger-db']);
});

test('an open document is listed once, from its editor text', async () => {
  await symbolsUntil('ledger', (s) => s.length > 0);
  const uri = pathToFileURL(join(dir, 'nested', 'billing.sysd')).href;
  await client.open(uri, 'system billing {\n  users finance\n  database ledger-main { replicas: 2 }\n  finance -> ledger-main\n}\n');
  const symbols: any[] = await client.request('workspace/symbol', { query: 'ledger' });
  assert.deepEqual(symbols.map((s) => s.name), ['ledger-main']);
});
