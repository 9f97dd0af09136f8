/**
 * Open documents, their versions, and where their analyses are. Edits are
 * applied incrementally on the main thread; analysis waits for an adaptive
 * debounce and then runs in an analysis worker (server/analysis-pool.ts), so
 * the main thread is never busy for more than a message. A newer version
 * cancels the running analysis of an older one through shared memory.
 *
 * Each document's last good snapshot lives in the worker that computed it;
 * the next version is analysed by the other worker, so hover, completion,
 * symbols and navigation keep answering from the last good snapshot while the
 * next one is computed ("latest" queries). Features whose answer edits the
 * text or must be exact wait for the analysis of the current version
 * ("fresh" queries) — without blocking anything else.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { AnalyseOutcome, QueryOutcome } from './analysis-pool';
import { WITHOUT_SNAPSHOT, type FeatureName, type FeatureParams, type FeatureResult } from './worker-features';
import type { Analysed } from './worker-messages';

export type { Snapshot } from './snapshot';

/** What the store needs of the analysis workers (the pool, or a stand-in in tests). */
export interface AnalysisHost {
  readonly size: number;
  analyse(slot: number, uri: string, version: number, text: string): { outcome: Promise<AnalyseOutcome>; cancel: () => void };
  query(slot: number, uri: string, feature: FeatureName, params: unknown, isCancelled?: () => boolean): Promise<QueryOutcome>;
  symbols(slot: number, query: string): Promise<QueryOutcome>;
  drop(slot: number, uri: string, version?: number, to?: number): void;
}

/** The debounce never goes below or above these bounds (milliseconds). */
export const MIN_DEBOUNCE_MS = 150;
export const MAX_DEBOUNCE_MS = 300;

interface Running {
  version: number;
  slot: number;
  cancel: () => void;
  /** Settles when the analysis ended, however it ended. */
  done: Promise<void>;
}

interface Entry {
  doc: TextDocument;
  timer?: ReturnType<typeof setTimeout>;
  /** Incremented whenever a pending analysis is superseded. */
  generation: number;
  lastEditAt: number;
  /** Moving average of the gap between edits while someone types, in milliseconds. */
  typingGap: number;
  /** The worker holding the last good snapshot, and its version. */
  held?: { slot: number; version: number };
  running?: Running;
}

export interface QueryOptions {
  /** Wait for the analysis of the current version (features that edit or must be exact). */
  fresh?: boolean;
  isCancelled?: () => boolean;
}

export class DocumentStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly host: AnalysisHost,
    private readonly onAnalysed: (analysed: Analysed) => void,
    private readonly log: (message: string) => void,
    /** When each keystroke arrived, for the typing rhythm; a test passes its own clock, so a busy machine cannot stretch the gaps. */
    private readonly now: () => number = Date.now,
  ) {}

  open(uri: string, version: number, text: string): void {
    this.close(uri);
    const doc = TextDocument.create(uri, 'sysd', version, text);
    const entry: Entry = { doc, generation: 0, lastEditAt: 0, typingGap: 0 };
    this.entries.set(uri, entry);
    // The first analysis runs without waiting: the user has just opened the file.
    this.schedule(entry, 0);
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.doc = TextDocument.update(entry.doc, changes, version);
    const now = this.now();
    const gap = now - entry.lastEditAt;
    entry.lastEditAt = now;
    // Only gaps of someone typing count; a pause resets the debounce to its minimum.
    entry.typingGap = gap < 1000 ? entry.typingGap * 0.6 + gap * 0.4 : 0;
    this.schedule(entry, this.debounceFor(entry));
  }

  close(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    this.cancel(entry);
    this.entries.delete(uri);
    if (entry.held) this.host.drop(entry.held.slot, uri);
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  document(uri: string): TextDocument | undefined {
    return this.entries.get(uri)?.doc;
  }

  /** The version of the last good analysis, if any. */
  analysedVersion(uri: string): number | undefined {
    return this.entries.get(uri)?.held?.version;
  }

  /**
   * The debounce adapts to the typing rhythm: one and a half typical gaps
   * between keystrokes, so analysis runs when the typist pauses, within bounds.
   */
  debounceFor(uri: string | Entry): number {
    const entry = typeof uri === 'string' ? this.entries.get(uri) : uri;
    if (!entry) return MIN_DEBOUNCE_MS;
    return Math.round(Math.min(MAX_DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, entry.typingGap * 1.5)));
  }

  /**
   * Runs a feature in the worker holding the document's snapshot: the last
   * good one, or (`fresh`) the current version's, analysed now if it is still
   * waiting. Undefined when there is nothing to answer from.
   */
  async query<K extends FeatureName>(uri: string, feature: K, params: FeatureParams<K>, options: QueryOptions = {}): Promise<FeatureResult<K> | undefined> {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    if (options.fresh) await this.freshen(entry);
    // Before the first analysis ends there is nothing to answer from: wait for it rather than answer empty.
    else if (!entry.held && entry.running) await entry.running.done;
    const slot = entry.held?.slot ?? (WITHOUT_SNAPSHOT.has(feature) ? 0 : undefined);
    if (slot === undefined) return undefined;
    const outcome = await this.host.query(slot, uri, feature, params, options.isCancelled);
    if (outcome.kind === 'answer') return outcome.result as FeatureResult<K>;
    if (outcome.kind === 'failed') this.log(`sysd: ${feature} failed: ${outcome.error}`);
    return undefined;
  }

  /** Workspace symbols over every open document, from the workers that hold them. */
  async symbols<T>(query: string): Promise<T[]> {
    const outcomes = await Promise.all(Array.from({ length: this.host.size }, (_, slot) => this.host.symbols(slot, query)));
    return outcomes.flatMap((o) => (o.kind === 'answer' ? (o.result as T[]) : []));
  }

  /** A worker was replaced: the snapshots it held are gone, so those documents are analysed again. */
  lost(slot: number): void {
    for (const entry of this.entries.values()) {
      if (entry.held?.slot !== slot) continue;
      entry.held = undefined;
      if (!entry.running && !entry.timer) this.schedule(entry, 0);
    }
  }

  /** Makes the snapshot of the current version available, analysing it now if it is still waiting. */
  private async freshen(entry: Entry): Promise<void> {
    // Two rounds at most: an analysis of the current version that fails leaves the last good one in use.
    for (let round = 0; round < 2; round++) {
      if (entry.held?.version === entry.doc.version) return;
      if (entry.running?.version !== entry.doc.version) {
        this.cancel(entry);
        this.run(entry, entry.generation);
      }
      await entry.running?.done;
    }
  }

  private cancel(entry: Entry): void {
    entry.generation++;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.running?.cancel();
  }

  private schedule(entry: Entry, delay: number): void {
    this.cancel(entry);
    const generation = entry.generation;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      this.run(entry, generation);
    }, delay);
  }

  private run(entry: Entry, generation: number): void {
    if (entry.generation !== generation || this.entries.get(entry.doc.uri) !== entry) return;
    const { uri, version } = entry.doc;
    // The worker that does not hold the last good snapshot computes the next one, so the other keeps answering.
    const slot = entry.held ? (entry.held.slot + 1) % this.host.size : 0;
    const { outcome, cancel } = this.host.analyse(slot, uri, version, entry.doc.getText());
    const running: Running = { version, slot, cancel, done: outcome.then(() => undefined, () => undefined) };
    entry.running = running;
    void outcome.then((o) => this.settle(entry, running, o), (error) => this.log(`sysd: analysis of ${uri} failed: ${String(error)}`));
  }

  private settle(entry: Entry, running: Running, outcome: AnalyseOutcome): void {
    if (entry.running === running) entry.running = undefined;
    const { uri } = entry.doc;
    if (outcome.kind === 'cancelled') return;
    if (outcome.kind === 'failed') {
      // A bug in core must not take the server down; the previous analysis stays in use.
      this.log(`sysd: analysis of ${uri} version ${running.version} failed: ${outcome.error}`);
      return;
    }
    if (this.entries.get(uri) !== entry || (entry.held && entry.held.version >= running.version)) {
      this.host.drop(running.slot, uri, running.version);
      return;
    }
    const previous = entry.held;
    entry.held = { slot: running.slot, version: running.version };
    if (previous && previous.slot !== running.slot) this.host.drop(previous.slot, uri, previous.version, running.slot);
    // An older version that finished before its cancellation was seen serves features, but its diagnostics are not news.
    if (running.version !== entry.doc.version) return;
    try {
      this.onAnalysed(outcome.result);
    } catch (error) {
      this.log(`sysd: publishing ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
