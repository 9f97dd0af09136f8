/**
 * Inputs that once froze the language server in ordinary editing (issue 16).
 * Each request must be answered; a freeze would never answer, so every wait
 * has a generous safety net that only turns a hang into a failure. No
 * assertion here reads the clock: the fixes make the work linear, and the
 * unit tests of each matcher check that by its structure.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from './harness';

let client: TestClient;
before(async () => (client = await TestClient.start()));
after(async () => client.stop());

/** A hang becomes a failure after this long; a healthy answer takes milliseconds. */
const SAFETY_NET_MS = 60_000;

function answered<T>(request: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const net = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what}: the server hangs`)), SAFETY_NET_MS);
  });
  return Promise.race([request, net]).finally(() => clearTimeout(timer));
}

let n = 0;
async function completeAt(text: string, line: number, character: number): Promise<any[]> {
  const uri = `file:///freezes/${n++}.sysd`;
  await client.open(uri, text);
  const result = await answered(client.request('textDocument/completion', { textDocument: { uri }, position: { line, character } }), 'completion');
  return Array.isArray(result) ? result : result.items;
}

describe('requests that once froze the server', () => {
  test('completion in a file whose first line is empty (16.1)', async () => {
    // The exact text and position of the report: a comment on line 1, after an empty line 0.
    const items = await completeAt('\n// Owner:\nsystem s {\n  users u { rps: 1 }\n}\n', 1, 9);
    assert.deepEqual(items, [], 'nothing is offered inside a comment');
  });

  test('typing the first letter on line 2 of a new file (16.1)', async () => {
    const items = await completeAt('\n\ns', 2, 1);
    assert.ok(items.some((i) => i.label === 'system'), JSON.stringify(items.map((i) => i.label)));
  });

  test('completion after // sysd-ignore and many spaces (16.2)', async () => {
    const line = `  // sysd-ignore${' '.repeat(40)}// reason:`;
    const items = await completeAt(`system s {\n${line}\n  service a\n}\n`, 1, line.length);
    assert.deepEqual(items, [], 'a second comment after the codes is not a list of codes');
  });

  test('the server still answers after all of the above', async () => {
    const items = await completeAt('system s {\n  \n}\n', 1, 2);
    assert.ok(items.some((i) => i.label === 'service'));
  });
});
