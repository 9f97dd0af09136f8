/**
 * The editor never waits (docs/ARCHITECTURE.md, "The analysis workers"): the
 * real server over stdio, with a 10,000-component document. Analyses run in
 * a worker thread, so a hover sent after an edit — right after it, and again
 * once the edit's analysis has started — is answered from the last good
 * analysis before that edit's diagnostics are published.
 *
 * No assertion reads the clock: the order of the two answers is what counts.
 * (With the analysis on the server's event loop the second hover waits for
 * the whole analysis and its diagnostics.)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSysd } from '../../bench/generate';
import { MAX_DEBOUNCE_MS } from '../../server/documents';
import { TestClient, positionOf } from './harness';

const uri = 'file:///responsiveness/big.sysd';
const text = generateSysd({ components: 10_000 });
let client: TestClient;

before(async () => {
  client = await TestClient.start();
});
after(async () => client.stop());

test('a hover during the analysis of an edit is answered before that edit is published', { timeout: 15 * 60_000 }, async () => {
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sysd', version: 1, text } });
  // Generous waits: they guard against a hang; a 10,000-component analysis on a busy machine takes minutes.
  await client.waitForDiagnostics(uri, 1, 600_000);

  const name = text.match(/\n {2}service (\S+)/)![1];
  const hoverAt = positionOf(text, text.indexOf(`service ${name}`) + 'service '.length + 1);
  const latency = text.indexOf('latency: ') + 'latency: '.length;
  const events: string[] = [];
  const published = client.waitForDiagnostics(uri, 2, 600_000).then(() => events.push('diagnostics v2'));
  const hover = () => client.request('textDocument/hover', { textDocument: { uri }, position: hoverAt });

  const at = positionOf(text, latency);
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: '1' }] });
  const right = hover().then((h) => (events.push('hover right after the edit'), h));
  // Past the debounce the edit's analysis has started (and takes far longer than a hover).
  await new Promise((r) => setTimeout(r, MAX_DEBOUNCE_MS + 100));
  const during = hover().then((h) => (events.push('hover during the analysis'), h));

  const [first, second] = await Promise.all([right, during, published]);
  assert.match(JSON.stringify(first), new RegExp(name), 'answered from the last good analysis');
  assert.match(JSON.stringify(second), new RegExp(name));
  assert.deepEqual(events, ['hover right after the edit', 'hover during the analysis', 'diagnostics v2'], client.stderr.join(''));
});
