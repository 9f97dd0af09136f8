/**
 * The document store's scheduling, with a stand-in for the analysis workers
 * whose analyses end when the test says so: debounce, which worker analyses
 * which version, cancellation of a running analysis by a newer edit, answers
 * from the last good analysis meanwhile, and recovery when a worker is lost.
 * The real workers are tested in test/unit/analysis-pool.test.ts and over
 * stdio in test/lsp/responsiveness.test.ts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyseOutcome, QueryOutcome } from '../../server/analysis-pool';
import { DocumentStore, MAX_DEBOUNCE_MS, MIN_DEBOUNCE_MS, type AnalysisHost } from '../../server/documents';
import type { Analysed } from '../../server/worker-messages';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Job {
  slot: number;
  uri: string;
  version: number;
  text: string;
  cancelled: boolean;
  finish: (outcome?: 'failed') => void;
}

/** Two pretend workers: an analysis ends when the test calls `finish`, as a real one ends when its thread is done. */
class Host implements AnalysisHost {
  readonly size = 2;
  readonly jobs: Job[] = [];
  readonly held = [new Map<string, number>(), new Map<string, number>()];

  analyse(slot: number, uri: string, version: number, text: string) {
    let resolve!: (o: AnalyseOutcome) => void;
    const outcome = new Promise<AnalyseOutcome>((r) => (resolve = r));
    const job: Job = {
      slot, uri, version, text, cancelled: false,
      finish: (how) => {
        if (how === 'failed') return resolve({ kind: 'failed', error: 'boom' });
        if (job.cancelled) return resolve({ kind: 'cancelled' });
        this.held[slot].set(uri, version);
        const status = { uri, version, systems: [], errors: 0, warnings: 0, analysisMs: 0 };
        resolve({ kind: 'analysed', result: { uri, version, diagnostics: [], status, durationMs: 0 } });
      },
    };
    this.jobs.push(job);
    return { outcome, cancel: () => (job.cancelled = true) };
  }

  async query(slot: number, uri: string): Promise<QueryOutcome> {
    const version = this.held[slot].get(uri);
    return version === undefined ? { kind: 'missing' } : { kind: 'answer', result: { slot, version } };
  }

  async symbols(): Promise<QueryOutcome> {
    return { kind: 'answer', result: [] };
  }

  drop(slot: number, uri: string): void {
    this.held[slot].delete(uri);
  }

  last(): Job {
    return this.jobs[this.jobs.length - 1];
  }
}

function harness(now?: () => number) {
  const host = new Host();
  const published: Analysed[] = [];
  const logs: string[] = [];
  const store = new DocumentStore(host, (a) => published.push(a), (m) => logs.push(m), now);
  /** The answer of a feature, as the worker that holds the snapshot gives it. */
  const ask = (uri: string, fresh = false) => store.query(uri, 'hover', { textDocument: { uri }, position: { line: 0, character: 0 } }, { fresh }) as Promise<unknown>;
  return { host, store, published, logs, ask };
}

const full = (text: string) => [{ text }];

describe('document store', () => {
  test('a burst of edits is analysed once, for the last version only', async () => {
    const { host, store, published } = harness();
    store.open('u', 1, 'system a {}');
    await sleep(20);
    host.last().finish();
    await sleep(0);
    // Keystrokes with no pause between them (a loaded machine could stretch real pauses past the debounce).
    for (let v = 2; v <= 6; v++) store.change('u', v, full(`system a${v} {}`));
    assert.equal(host.jobs.length, 1, 'nothing runs while the typist keeps typing');
    await sleep(MAX_DEBOUNCE_MS + 50);
    assert.deepEqual(host.jobs.slice(1).map((j) => j.text), ['system a6 {}']);
    host.last().finish();
    await sleep(0);
    assert.equal(published.at(-1)!.version, 6);
  });

  test('the debounce adapts to the typing rhythm within its bounds', async () => {
    // The store's clock is the test's: a busy machine would stretch real 180 ms pauses into pauses of seconds.
    let clock = 1_000_000;
    const { store } = harness(() => clock);
    store.open('u', 1, '');
    store.change('u', 2, full('a'));
    assert.equal(store.debounceFor('u'), MIN_DEBOUNCE_MS);
    for (let v = 3; v < 10; v++) {
      clock += 180;
      store.change('u', v, full(`a${v}`));
    }
    const slowTypist = store.debounceFor('u');
    assert.ok(slowTypist > MIN_DEBOUNCE_MS && slowTypist <= MAX_DEBOUNCE_MS, String(slowTypist));
    clock += 5_000;
    store.change('u', 10, full('a10'));
    assert.equal(store.debounceFor('u'), MIN_DEBOUNCE_MS, 'a pause resets the rhythm');
    store.close('u');
  });

  test('the next version is analysed by the other worker, and the last good analysis answers meanwhile', async () => {
    const { host, store, ask } = harness();
    store.open('u', 1, 'system one {}');
    await sleep(20);
    host.last().finish();
    await sleep(0);
    store.change('u', 2, full('system two {}'));
    await sleep(MAX_DEBOUNCE_MS + 50);
    const second = host.last();
    assert.equal(second.version, 2);
    assert.notEqual(second.slot, host.jobs[0].slot, 'the worker holding version 1 stays free');
    assert.deepEqual(await ask('u'), { slot: host.jobs[0].slot, version: 1 }, 'answered from version 1 while 2 runs');
    second.finish();
    await sleep(0);
    assert.deepEqual(await ask('u'), { slot: second.slot, version: 2 });
    assert.equal(host.held[host.jobs[0].slot].has('u'), false, 'the older snapshot was dropped');
  });

  test('a fresh query starts the waiting analysis at once and answers from it', async () => {
    const { host, store, ask } = harness();
    store.open('u', 1, 'system one {}');
    await sleep(20);
    host.last().finish();
    store.change('u', 2, full('system two {}'));
    const answer = ask('u', true);
    await sleep(0);
    assert.equal(host.last().version, 2, 'no debounce for a fresh query');
    host.last().finish();
    assert.deepEqual(await answer, { slot: host.last().slot, version: 2 });
    await sleep(MAX_DEBOUNCE_MS + 50);
    assert.equal(host.jobs.length, 2, 'the debounced analysis of version 2 was not repeated');
  });

  test('an edit while an analysis runs cancels it, and only the newer version is published', async () => {
    const { host, store, published } = harness();
    store.open('u', 1, 'system first {}');
    await sleep(20);
    const first = host.last();
    store.change('u', 2, full('system second {}'));
    assert.equal(first.cancelled, true, 'the running analysis was told to stop');
    first.finish();
    await sleep(MAX_DEBOUNCE_MS + 50);
    host.last().finish();
    await sleep(0);
    assert.deepEqual(published.map((p) => p.version), [2]);
  });

  test('a failing analysis is logged and the previous one stays in use', async () => {
    const { host, store, logs, ask } = harness();
    store.open('u', 1, 'system ok {}');
    await sleep(20);
    host.last().finish();
    store.change('u', 2, full('system bad {}'));
    await sleep(MAX_DEBOUNCE_MS + 50);
    host.last().finish('failed');
    await sleep(0);
    assert.equal(store.analysedVersion('u'), 1);
    assert.deepEqual(await ask('u'), { slot: host.jobs[0].slot, version: 1 });
    assert.match(logs.join('\n'), /boom/);
  });

  test('when a worker is lost, the documents it held are analysed again', async () => {
    const { host, store } = harness();
    store.open('u', 1, 'system a {}');
    await sleep(20);
    host.last().finish();
    await sleep(0);
    const slot = host.last().slot;
    host.held[slot].clear();
    store.lost(slot);
    assert.equal(store.analysedVersion('u'), undefined);
    await sleep(20);
    assert.equal(host.jobs.length, 2);
    assert.equal(host.last().version, 1);
  });

  test('incremental changes are applied to the right place', () => {
    const { store } = harness();
    store.open('u', 1, 'system a {\n  service api\n}\n');
    store.change('u', 2, [{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 13 } }, text: 'web' }]);
    assert.equal(store.document('u')!.getText(), 'system a {\n  service web\n}\n');
    store.close('u');
  });
});
