/**
 * Open documents, their versions and their analyses. Edits are applied
 * incrementally; analysis waits for an adaptive debounce, and a newer version
 * cancels the pending analysis of an older one. The last completed analysis
 * stays available, so hover, completion and symbols answer at once from it
 * while the next one waits.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/index';
import { LineIndex } from './convert';

/** One analysed version of a document, with the text and line index it was computed from. */
export interface Snapshot {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  analysis: Analysis;
  /** Wall time the analysis took, in milliseconds. */
  durationMs: number;
}

export type Analyser = (text: string, isCancelled: () => boolean) => Analysis;

/** The debounce never goes below or above these bounds (milliseconds). */
export const MIN_DEBOUNCE_MS = 150;
export const MAX_DEBOUNCE_MS = 300;

interface Entry {
  doc: TextDocument;
  timer?: ReturnType<typeof setTimeout>;
  /** Incremented whenever a pending analysis is superseded, so late work is discarded. */
  generation: number;
  lastEditAt: number;
  /** Moving average of the gap between edits while someone types, in milliseconds. */
  typingGap: number;
  snapshot?: Snapshot;
}

export class DocumentStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly analyse: Analyser,
    private readonly onAnalysed: (snapshot: Snapshot) => void,
    private readonly log: (message: string) => void,
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
    const now = Date.now();
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
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  document(uri: string): TextDocument | undefined {
    return this.entries.get(uri)?.doc;
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

  /** The last completed analysis, possibly of an older version. */
  latest(uri: string): Snapshot | undefined {
    return this.entries.get(uri)?.snapshot;
  }

  /** An analysis of the current version, computed now if it is still waiting. */
  fresh(uri: string): Snapshot | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    if (entry.snapshot?.version === entry.doc.version) return entry.snapshot;
    this.cancel(entry);
    this.run(entry, entry.generation);
    return entry.snapshot;
  }

  private cancel(entry: Entry): void {
    entry.generation++;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
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
    const doc = entry.doc;
    const text = doc.getText();
    const started = performance.now();
    let analysis: Analysis;
    try {
      analysis = this.analyse(text, () => entry.generation !== generation || entry.doc.version !== doc.version);
    } catch (error) {
      // A bug in core must not take the server down; the previous analysis stays in use.
      this.log(`sysd: analysis of ${doc.uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return;
    }
    if (analysis.cancelled || entry.generation !== generation) return;
    const snapshot: Snapshot = {
      uri: doc.uri,
      version: doc.version,
      text,
      lines: new LineIndex(text),
      analysis,
      durationMs: performance.now() - started,
    };
    entry.snapshot = snapshot;
    try {
      this.onAnalysed(snapshot);
    } catch (error) {
      this.log(`sysd: publishing ${doc.uri} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
