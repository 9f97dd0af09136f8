/**
 * An analysis worker thread (bundled to dist/analysis-worker.js). It analyses
 * the texts the main thread sends, keeps the snapshot of each document it
 * analysed last, and answers features from it (server/worker-features.ts).
 * Only small, LSP-shaped results go back: the diagnostics and status of each
 * analysis, and each feature's answer. The syntax tree and model stay here.
 *
 * An analysis reads a cancellation flag the main thread sets through shared
 * memory, so a newer edit stops it between units of work; a worker that does
 * not stop in time is terminated by the main thread (server/analysis-pool.ts).
 * An uncaught exception here ends the thread; the main thread logs it and
 * starts a fresh one.
 */
import { parentPort } from 'node:worker_threads';
import { analyseSafely } from './analyse';
import { warmUpText } from './warm-up';
import { indexOf } from '../core/syntax-index';
import { LineIndex } from './convert';
import { diagnosticsOf } from './features/diagnostics';
import { adoptPreviewLayouts, forgetPreview, previewLayouts } from './features/preview';
import { statusOf } from './features/status';
import type { Snapshot } from './snapshot';
import type { FromWorker, ToWorker } from './worker-messages';
import { FEATURES, WITHOUT_SNAPSHOT, heldSymbols } from './worker-features';

const port = parentPort;
if (!port) throw new Error('server/analysis-worker.ts runs as a worker thread');
const post = (message: FromWorker) => port.postMessage(message);
const log = (message: string) => post({ kind: 'log', message });
const describe = (error: unknown) => (error instanceof Error ? error.stack ?? error.message : String(error));

const snapshots = new Map<string, Snapshot>();

/** Fault injection for the resilience tests: with `SYSD_FAULT=worker-uncaught:<marker>`, a hover in a text containing the marker throws outside any handler. */
const fault = process.env.SYSD_FAULT?.startsWith('worker-uncaught:') ? process.env.SYSD_FAULT.slice('worker-uncaught:'.length) : undefined;

function flagOf(buffer: SharedArrayBuffer | undefined): () => boolean {
  if (!buffer) return () => false;
  const flag = new Int32Array(buffer);
  return () => Atomics.load(flag, 0) !== 0;
}

function analyse(msg: Extract<ToWorker, { kind: 'analyse' }>): void {
  const isCancelled = flagOf(msg.cancel);
  const started = performance.now();
  const analysis = analyseSafely(msg.text, isCancelled, log);
  if (analysis.cancelled || isCancelled()) return post({ kind: 'cancelled', id: msg.id });
  const snapshot: Snapshot = {
    uri: msg.uri,
    version: msg.version,
    text: msg.text,
    lines: new LineIndex(msg.text),
    analysis,
    durationMs: performance.now() - started,
  };
  snapshots.set(msg.uri, snapshot);
  const status = statusOf(snapshot);
  post({ kind: 'analysed', id: msg.id, result: { uri: msg.uri, version: msg.version, diagnostics: diagnosticsOf(snapshot), status, durationMs: snapshot.durationMs } });
  // Once the diagnostics are out, build what every position feature reads (the syntax index: 0.3 s for 10,000
  // components), so the first hover after the swap does not pay for it; the next message waits for this anyway.
  setImmediate(() => {
    if (snapshots.get(msg.uri) === snapshot) indexOf(snapshot.analysis.ast);
  });
}

async function query(msg: Extract<ToWorker, { kind: 'query' }>): Promise<void> {
  const snapshot = snapshots.get(msg.uri);
  if (!snapshot && !WITHOUT_SNAPSHOT.has(msg.feature)) return post({ kind: 'missing', id: msg.id });
  if (fault && msg.feature === 'hover' && snapshot?.text.includes(fault)) {
    setImmediate(() => {
      throw new Error(`injected fault (${fault})`);
    });
  }
  const feature = FEATURES[msg.feature] as (s: Snapshot | undefined, p: unknown, c: () => boolean, l: typeof log) => unknown;
  const result = await feature(snapshot, msg.params, flagOf(msg.cancel), log);
  post({ kind: 'answer', id: msg.id, result });
}

port.on('message', (msg: ToWorker) => {
  const id = 'id' in msg ? msg.id : undefined;
  // A feature's bug is that request's failure, reported to the main thread; it leaves the worker in a known state.
  const failed = (error: unknown) => {
    if (id !== undefined) post({ kind: 'failed', id, error: describe(error) });
    else log(`sysd: worker message ${msg.kind} failed: ${describe(error)}`);
  };
  try {
    switch (msg.kind) {
      case 'analyse':
        return analyse(msg);
      case 'query':
        return void query(msg).catch(failed);
      case 'symbols':
        return post({ kind: 'answer', id: msg.id, result: heldSymbols(snapshots.values(), msg.query) });
      case 'drop': {
        if (msg.version === undefined || snapshots.get(msg.uri)?.version === msg.version) snapshots.delete(msg.uri);
        const layouts = previewLayouts(msg.uri);
        forgetPreview(msg.uri);
        // Always answered, even with nothing to pass on: queries on the thread `to` wait for it (analysis-pool.ts).
        if (msg.to !== undefined) post({ kind: 'handoff', uri: msg.uri, to: msg.to, layouts });
        return;
      }
      case 'adopt':
        return adoptPreviewLayouts(msg.layouts);
    }
  } catch (error) {
    failed(error);
  }
});

// Warm up: the first analyses in a fresh isolate run several times slower (the JIT has not compiled the hot
// paths yet), so the worker analyses a small model before it says it is ready.
try {
  analyseSafely(warmUpText(), () => false, () => undefined);
} catch {
  // A warm-up failure is not the user's problem; the real analyses report their own.
}
post({ kind: 'ready' });
