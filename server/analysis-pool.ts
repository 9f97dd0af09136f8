/**
 * The server's analysis workers, seen from the main thread. Two worker
 * threads (server/analysis-worker.ts), each keeping the snapshots it analysed
 * last: a document's next version is analysed by the worker that does not
 * hold its last good snapshot, so that snapshot keeps answering hover,
 * completion, symbols and navigation while the next one is computed. When
 * the new analysis ends, its worker holds the document and the other one
 * drops its older snapshot (server/documents.ts decides which is which).
 *
 * Follows the layout worker's pattern (node/layout-worker-client.ts):
 * - warm: each thread analyses a small model when it starts;
 * - deadline: an analysis still running after ANALYSIS_DEADLINE_MS, or one
 *   cancelled that has not stopped CANCEL_GRACE_MS later (core checks its
 *   flag only between units of work; the parser does not), is terminated;
 * - respawn: a thread that was terminated, crashed on an uncaught exception
 *   or exited is replaced at once; `onRestart` tells the store which
 *   documents' snapshots were lost with it, so they are analysed again.
 * Every request pending on a lost thread settles (as failed), so no caller
 * waits for an answer that will never come.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../node/start-worker';
import type { FeatureName } from './worker-features';
import { wallClockLimit } from './wall-clock';
import type { Analysed, FromWorker, ToWorker } from './worker-messages';

/** A handoff of `uri`'s kept layouts to thread `to`. */
const handoffKey = (to: number, uri: string): string => `${to}\n${uri}`;

export const ANALYSIS_DEADLINE_MS = 60_000;
export const CANCEL_GRACE_MS = 2_000;

export type AnalyseOutcome = { kind: 'analysed'; result: Analysed } | { kind: 'cancelled' } | { kind: 'failed'; error: string };
export type QueryOutcome = { kind: 'answer'; result: unknown } | { kind: 'missing' } | { kind: 'failed'; error: string };

type Settle = (message: FromWorker | { kind: 'failed'; id: number; error: string }) => void;

interface Slot {
  worker: Worker;
  pending: Map<number, Settle>;
  /** Incremented on each restart, so events of a terminated thread are ignored. */
  life: number;
  /** True once the thread has loaded and warmed up. */
  ready: boolean;
  /** Threads in a row that failed before they were ready: past MAX_START_FAILURES the slot is not restarted again. */
  startFailures: number;
}

/** A thread that cannot even start (a broken install) is not restarted in a loop. */
export const MAX_START_FAILURES = 3;

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private disposed = false;
  private readonly readyWaiters: (() => void)[] = [];
  /**
   * Handoffs under way, by `handoffKey(to, uri)`: the preview's query for `uri` on thread `to` waits until the
   * layouts the other thread kept have been passed on, or the panel's request, sent as soon as the
   * diagnostics arrive, would often find none and lay the diagram out afresh. Other features need
   * nothing handed over, so they never wait on the other thread.
   */
  private readonly handoffs = new Map<string, { from: Slot; done: Promise<void>; resolve: () => void }>();

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
    /** Called after a thread was replaced; its snapshots are gone. */
    private readonly onRestart: (slot: number) => void,
    readonly size = 2,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(i, 0));
  }

  private spawn(index: number, life: number, startFailures = 0): Slot {
    const worker = startWorker(this.script);
    const slot: Slot = { worker, pending: new Map(), life, ready: false, startFailures };
    const current = () => this.slots[index] === slot;
    worker.on('message', (msg: FromWorker) => {
      if (msg.kind === 'log') return this.log(msg.message);
      if (msg.kind === 'handoff') {
        if (msg.layouts.length > 0) this.post(msg.to, { kind: 'adopt', uri: msg.uri, layouts: msg.layouts });
        // Messages to one thread arrive in order, so a query posted from now on finds the layouts adopted.
        return this.endHandoff(handoffKey(msg.to, msg.uri));
      }
      if (msg.kind === 'ready') {
        slot.ready = true;
        slot.startFailures = 0;
        this.refresh(slot);
        if (this.slots.every((s) => s.ready)) for (const wake of this.readyWaiters.splice(0)) wake();
        return;
      }
      const settle = slot.pending.get(msg.id);
      slot.pending.delete(msg.id);
      this.refresh(slot);
      settle?.(msg);
    });
    worker.on('error', (error) => {
      if (!current()) return;
      this.restart(index, `it failed: ${error?.stack ?? String(error)}`);
    });
    worker.on('exit', (code) => {
      if (!current() || this.disposed) return;
      this.restart(index, `it exited with code ${code}`);
    });
    return slot;
  }

  /** A thread keeps the process alive only while it loads or has work: idle, it must not outlive the connection. */
  private refresh(slot: Slot): void {
    const handingOff = [...this.handoffs.values()].some((h) => h.from === slot);
    if (slot.pending.size > 0 || !slot.ready || handingOff) slot.worker.ref();
    else slot.worker.unref();
  }

  /**
   * Settles when every thread has loaded and warmed up, or after `timeoutMs`
   * (a thread that cannot start must not hold the server's start-up).
   */
  ready(timeoutMs: number): Promise<void> {
    if (this.slots.every((s) => s.ready)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.readyWaiters.push(() => (clearTimeout(timer), resolve()));
    });
  }

  /** Replaces a thread: settles its pending requests as failed, terminates it, starts a fresh one. */
  restart(index: number, reason: string): void {
    const old = this.slots[index];
    if (!old || this.disposed) return;
    const startFailures = old.ready ? 0 : old.startFailures + 1;
    // A terminated thread hands nothing off: queries waiting for it go ahead.
    for (const [key, handoff] of this.handoffs) if (handoff.from === old) this.endHandoff(key);
    void old.worker.terminate().catch(() => undefined);
    for (const [id, settle] of old.pending) settle({ kind: 'failed', id, error: `the analysis worker was restarted: ${reason}` });
    old.pending.clear();
    if (startFailures >= MAX_START_FAILURES) {
      this.log(`sysd: analysis worker ${index} failed ${startFailures} times before it was ready; not restarting it: ${reason}`);
      // The slot stays with its dead thread: every request to it fails at once instead of waiting.
      old.life = -1;
      return;
    }
    this.log(`sysd: restarting analysis worker ${index}: ${reason}`);
    this.slots[index] = this.spawn(index, old.life + 1, startFailures);
    this.onRestart(index);
  }

  private send<T>(index: number, build: (id: number) => ToWorker, settle: (msg: FromWorker | { kind: 'failed'; id: number; error: string }) => T): Promise<T> {
    const slot = this.slots[index];
    const id = this.nextId++;
    return new Promise<T>((resolve) => {
      if (this.disposed || !slot) return resolve(settle({ kind: 'failed', id, error: 'the server is shutting down' }));
      if (slot.life < 0) return resolve(settle({ kind: 'failed', id, error: 'the analysis worker could not be started' }));
      slot.pending.set(id, (msg) => resolve(settle(msg)));
      this.refresh(slot);
      try {
        slot.worker.postMessage(build(id));
      } catch (error) {
        slot.pending.delete(id);
        resolve(settle({ kind: 'failed', id, error: String(error) }));
      }
    });
  }

  /**
   * Analyses a text on one thread. `cancel()` sets the shared flag the
   * analysis reads; if the thread has not answered CANCEL_GRACE_MS later it
   * is terminated (and replaced). Past the deadline the thread is terminated too.
   */
  analyse(index: number, uri: string, version: number, text: string): { outcome: Promise<AnalyseOutcome>; cancel: () => void } {
    const buffer = new SharedArrayBuffer(4);
    const flag = new Int32Array(buffer);
    const life = this.slots[index]?.life;
    let done = false;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const stop = (reason: string) => {
      if (!done && this.slots[index]?.life === life) this.restart(index, reason);
    };
    const deadlineMs = wallClockLimit(ANALYSIS_DEADLINE_MS);
    timers.push(setTimeout(() => stop(`an analysis of ${uri} took longer than ${deadlineMs} ms`), deadlineMs));
    const outcome = this.send<AnalyseOutcome>(index, (id) => ({ kind: 'analyse', id, uri, version, text, cancel: buffer }), (msg) => {
      done = true;
      timers.forEach(clearTimeout);
      if (msg.kind === 'analysed') return { kind: 'analysed', result: msg.result };
      // Once cancelled, the outcome is 'cancelled' whether the thread stopped by itself or had to be
      // terminated after the grace period: which of the two happens depends on how busy the machine is.
      if (msg.kind === 'cancelled' || Atomics.load(flag, 0) !== 0) return { kind: 'cancelled' };
      return { kind: 'failed', error: 'error' in msg ? msg.error : `unexpected answer ${msg.kind}` };
    });
    for (const t of timers) t.unref?.();
    const cancel = () => {
      if (done || Atomics.load(flag, 0) !== 0) return;
      Atomics.store(flag, 0, 1);
      const graceMs = wallClockLimit(CANCEL_GRACE_MS);
      const t = setTimeout(() => stop(`a cancelled analysis of ${uri} did not stop within ${graceMs} ms`), graceMs);
      t.unref?.();
      timers.push(t);
    };
    return { outcome, cancel };
  }

  /** Runs a feature on the snapshot of `uri` that thread `index` holds. */
  query(index: number, uri: string, feature: FeatureName, params: unknown, isCancelled?: () => boolean): Promise<QueryOutcome> {
    const handoff = feature === 'previewDiagram' ? this.handoffs.get(handoffKey(index, uri)) : undefined;
    if (handoff) return handoff.done.then(() => this.query(index, uri, feature, params, isCancelled));
    const buffer = new SharedArrayBuffer(4);
    const flag = new Int32Array(buffer);
    // LSP cancellation arrives on the main thread; it is passed on through the shared flag while the feature runs.
    const poll = isCancelled && setInterval(() => isCancelled() && Atomics.store(flag, 0, 1), 20);
    return this.send<QueryOutcome>(index, (id) => ({ kind: 'query', id, uri, feature, params, cancel: buffer }), (msg) => {
      if (poll) clearInterval(poll);
      if (msg.kind === 'answer') return { kind: 'answer', result: msg.result };
      if (msg.kind === 'missing') return { kind: 'missing' };
      return { kind: 'failed', error: 'error' in msg ? msg.error : `unexpected answer ${msg.kind}` };
    });
  }

  /** Workspace symbols over every document thread `index` holds. */
  symbols(index: number, query: string): Promise<QueryOutcome> {
    return this.send<QueryOutcome>(index, (id) => ({ kind: 'symbols', id, query }), (msg) =>
      msg.kind === 'answer' ? { kind: 'answer', result: msg.result } : { kind: 'failed', error: 'error' in msg ? msg.error : msg.kind });
  }

  /** Tells thread `index` to forget `uri`; what it kept across versions goes to thread `to`, which now holds the document. */
  drop(index: number, uri: string, version?: number, to?: number): void {
    const from = this.slots[index];
    const key = to === undefined ? undefined : handoffKey(to, uri);
    if (key !== undefined && from && !this.handoffs.has(key)) {
      let resolve = () => {};
      const done = new Promise<void>((r) => (resolve = r));
      this.handoffs.set(key, { from, done, resolve });
      // The thread keeps the process alive until it has answered.
      this.refresh(from);
    }
    if (!this.post(index, { kind: 'drop', uri, version, to }) && key !== undefined) this.endHandoff(key);
  }

  private endHandoff(key: string): void {
    const handoff = this.handoffs.get(key);
    if (!handoff) return;
    this.handoffs.delete(key);
    handoff.resolve();
    this.refresh(handoff.from);
  }

  /** False when the message could not be posted. */
  private post(index: number, message: ToWorker): boolean {
    try {
      const slot = this.slots[index];
      if (!slot || slot.life < 0) return false;
      slot.worker.postMessage(message);
      return true;
    } catch {
      // A thread that is gone holds nothing to drop or adopt.
      return false;
    }
  }

  /** Replaces every thread, for example after an uncaught exception left the main thread in an unknown state. */
  restartAll(reason: string): void {
    for (let i = 0; i < this.slots.length; i++) this.restart(i, reason);
  }

  dispose(): void {
    this.disposed = true;
    for (const key of [...this.handoffs.keys()]) this.endHandoff(key);
    for (const slot of this.slots) {
      for (const [id, settle] of slot.pending) settle({ kind: 'failed', id, error: 'the server is shutting down' });
      void slot.worker.terminate().catch(() => undefined);
    }
  }
}
