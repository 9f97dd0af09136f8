import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  client = await TestClient.start({ rootUri: pathToFileURL(dir).href });
});
after(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('workspace symbols include .sysd files on disk that are not open, but not node_modules', async () => {
  const symbols: any[] = await client.request('workspace/symbol', { query: 'ledger' });
  assert.deepEqual(symbols.map((s) => s.name), ['ledger-db']);
  assert.equal(symbols[0].containerName, 'billing');
  assert.equal(symbols[0].location.uri, pathToFileURL(join(dir, 'nested', 'billing.sysd')).href);
  assert.deepEqual(symbols[0].location.range.start, { line: 2, character: 11 });
});

test('an open document is listed once, from its editor text', async () => {
  const uri = pathToFileURL(join(dir, 'nested', 'billing.sysd')).href;
  await client.open(uri, 'system billing {\n  users finance\n  database ledger-main { replicas: 2 }\n  finance -> ledger-main\n}\n');
  const symbols: any[] = await client.request('workspace/symbol', { query: 'ledger' });
  assert.deepEqual(symbols.map((s) => s.name), ['ledger-main']);
});
