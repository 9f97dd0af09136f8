/**
 * After an uncaught exception the server does not carry on in a state nobody
 * checked: it logs the exception and restarts its analysis workers, which
 * analyse every open document again (issue 13, item 6). The faults are
 * injected through SYSD_FAULT (server/main.ts, server/analysis-worker.ts).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKOUT, TestClient, positionOf } from './harness';

const MARK = 'boom-marker';
let client: TestClient;
before(async () => (client = await TestClient.start({ env: { SYSD_FAULT: `main-uncaught:${MARK}` } })));
after(async () => client.stop());

const uri = 'file:///crash/a.sysd';
const waitFor = async (pattern: RegExp) => {
  // Polls for up to 3 minutes: a guard against a hang, not a measure (a restart on a busy machine is slow).
  for (let i = 0; i < 3600 && !pattern.test(client.stderr.join('')); i++) await new Promise((r) => setTimeout(r, 50));
  assert.match(client.stderr.join(''), pattern);
};

test('an uncaught exception on the main thread is logged, the workers restart, and the documents are analysed again', async () => {
  await client.open(uri, CHECKOUT);
  const version = await client.change(uri, [{ text: `// ${MARK}\n${CHECKOUT}` }]);
  await client.waitForDiagnostics(uri, version);
  await waitFor(/uncaught exception, restarting the analysis workers: Error: injected fault/);
  await waitFor(/restarting analysis worker 0[\s\S]*restarting analysis worker 1|restarting analysis worker 1[\s\S]*restarting analysis worker 0/);
  assert.equal(client.exited, undefined, 'the server is still running');
  // The restarted workers analysed the open document again, so hover answers from a fresh snapshot.
  const text = `// ${MARK}\n${CHECKOUT}`;
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, text.indexOf('service api') + 9) });
  assert.match(hover?.contents?.value ?? '', /api/);
});
