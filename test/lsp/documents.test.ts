import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText, type Analysis } from '../../core/index';
import { DocumentStore, MAX_DEBOUNCE_MS, MIN_DEBOUNCE_MS, type Snapshot } from '../../server/documents';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function harness(analyse: (text: string, isCancelled: () => boolean) => Analysis = (t) => analyseText(t)) {
  const calls: string[] = [];
  const published: Snapshot[] = [];
  const logs: string[] = [];
  const store = new DocumentStore(
    (text, isCancelled) => {
      calls.push(text);
      return analyse(text, isCancelled);
    },
    (s) => published.push(s),
    (m) => logs.push(m),
  );
  return { store, calls, published, logs };
}

const full = (text: string) => [{ text }];

describe('document store', () => {
  test('a burst of edits is analysed once, for the last version only', async () => {
    const { store, calls, published } = harness();
    store.open('u', 1, 'system a {}');
    await sleep(20);
    assert.equal(calls.length, 1);
    // Keystrokes with no pause between them (a loaded machine could stretch real pauses past the debounce).
    for (let v = 2; v <= 6; v++) store.change('u', v, full(`system a${v} {}`));
    assert.equal(calls.length, 1, 'nothing runs while the typist keeps typing');
    await sleep(MAX_DEBOUNCE_MS + 50);
    assert.deepEqual(calls.slice(1), ['system a6 {}']);
    assert.equal(published.at(-1)!.version, 6);
  });

  test('the debounce adapts to the typing rhythm within its bounds', async () => {
    const { store } = harness();
    store.open('u', 1, '');
    store.change('u', 2, full('a'));
    assert.equal(store.debounceFor('u'), MIN_DEBOUNCE_MS);
    for (let v = 3; v < 10; v++) {
      await sleep(180);
      store.change('u', v, full(`a${v}`));
    }
    const slowTypist = store.debounceFor('u');
    assert.ok(slowTypist > MIN_DEBOUNCE_MS && slowTypist <= MAX_DEBOUNCE_MS, String(slowTypist));
    store.close('u');
  });

  test('fresh() analyses the current text at once; latest() answers from the last analysis meanwhile', async () => {
    const { store, calls } = harness();
    store.open('u', 1, 'system one {}');
    await sleep(20);
    store.change('u', 2, full('system two {}'));
    assert.equal(store.latest('u')!.version, 1, 'the previous analysis is still served');
    assert.equal(store.fresh('u')!.version, 2);
    assert.equal(calls.length, 2);
    await sleep(MAX_DEBOUNCE_MS + 50);
    assert.equal(calls.length, 2, 'the pending analysis of version 2 was cancelled, not repeated');
  });

  test('a failing analysis is logged and the previous one stays in use', async () => {
    let fail = false;
    const { store, logs } = harness((text) => {
      if (fail) throw new Error('boom');
      return analyseText(text);
    });
    store.open('u', 1, 'system ok {}');
    await sleep(20);
    fail = true;
    store.change('u', 2, full('system bad {}'));
    await sleep(MAX_DEBOUNCE_MS + 50);
    assert.equal(store.latest('u')!.version, 1);
    assert.match(logs.join('\n'), /boom/);
  });

  test('an analysis overtaken by a newer version is told it is cancelled, and its result dropped', async () => {
    let cancelledSeen: boolean | undefined;
    const { store, published } = harness((text, isCancelled) => {
      // A newer version arrives while this analysis runs (as if between two systems).
      if (text === 'system first {}') store.change('u', 2, full('system second {}'));
      cancelledSeen ??= isCancelled();
      return analyseText(text);
    });
    store.open('u', 1, 'system first {}');
    await sleep(20);
    assert.equal(cancelledSeen, true);
    assert.equal(published.length, 0);
    await sleep(MAX_DEBOUNCE_MS + 50);
    assert.equal(published.at(-1)!.version, 2);
  });

  test('incremental changes are applied to the right place', () => {
    const { store } = harness();
    store.open('u', 1, 'system a {\n  service api\n}\n');
    store.change('u', 2, [{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 13 } }, text: 'web' }]);
    assert.equal(store.document('u')!.getText(), 'system a {\n  service web\n}\n');
    store.close('u');
  });
});
