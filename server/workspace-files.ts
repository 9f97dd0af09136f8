/**
 * The declarations of the workspace's .sysd files that are not open, for
 * workspace symbols. The folders are walked once, in the background, with
 * asynchronous file system calls; after that only the editor's file watcher
 * (`workspace/didChangeWatchedFiles`) says what changed, so a request costs
 * the symbols it filters, not a walk of the folder. A file is parsed when it
 * is first seen or its modification time changes, and only its declarations
 * are kept (names, kinds and ranges), never its tree. What is parsed is
 * bounded: files over `maxFileBytes` and files past `maxTotalBytes` of
 * source in all are left out, so a folder of huge models cannot exhaust the
 * server's memory.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceSymbol } from 'vscode-languageserver';
import { parse } from '../grammar/parse';
import { LineIndex } from './convert';
import { declarationsOf } from './features/symbols';

export interface Limits {
  /** A file larger than this is not parsed for workspace symbols. */
  maxFileBytes: number;
  /** Source kept indexed in all. */
  maxTotalBytes: number;
  maxFiles: number;
  /** Directory entries looked at by the walk, so a huge folder costs a bounded walk. */
  maxEntries: number;
  maxDepth: number;
}

export const LIMITS: Limits = { maxFileBytes: 1_000_000, maxTotalBytes: 20_000_000, maxFiles: 2000, maxEntries: 200_000, maxDepth: 12 };

/** Work done, for tests and the log: a request must not add to it. */
export interface IndexStats {
  directoriesRead: number;
  filesParsed: number;
  bytesParsed: number;
  /** Files left out because of a limit. */
  filesSkipped: number;
}

interface Entry {
  uri: string;
  mtimeMs: number;
  size: number;
  symbols: WorkspaceSymbol[];
}

const SKIP = new Set(['node_modules', '.git', 'dist', 'out']);

export class WorkspaceFiles {
  private folders: string[] = [];
  private readonly entries = new Map<string, Entry>();
  private readonly queue: string[] = [];
  private totalBytes = 0;
  private draining: Promise<void> | undefined;
  private walking: Promise<void> = Promise.resolve();
  readonly stats: IndexStats = { directoriesRead: 0, filesParsed: 0, bytesParsed: 0, filesSkipped: 0 };

  constructor(private readonly limits: Limits = LIMITS, private readonly log: (message: string) => void = () => undefined) {}

  /** Starts the one walk of the folders; `idle()` resolves when it and the parsing it queued are done. */
  setFolders(uris: string[]): void {
    this.folders = uris.flatMap((uri) => {
      try {
        return uri.startsWith('file:') ? [fileURLToPath(uri)] : [];
      } catch {
        return [];
      }
    });
    this.walking = this.walk().catch((error) => this.log(`sysd: workspace walk failed: ${String(error)}`));
  }

  /** Resolves once the walk and every queued file are done (for tests and start-up). */
  async idle(): Promise<void> {
    await this.walking;
    while (this.draining) await this.draining;
  }

  /** Changes reported by the editor's file watcher: created and changed files are read again, deleted ones dropped. */
  changed(changes: { uri: string; type: number }[]): void {
    for (const change of changes) {
      let path: string;
      try {
        if (!change.uri.startsWith('file:') || !change.uri.endsWith('.sysd')) continue;
        path = fileURLToPath(change.uri);
      } catch {
        continue;
      }
      if (!this.folders.some((folder) => path.startsWith(folder))) continue;
      if (change.type === 3) this.drop(path);
      else this.enqueue(path);
    }
  }

  /** The declarations of every indexed file, except those whose uri is in `skip` (open documents). */
  symbols(skip: Set<string>): WorkspaceSymbol[][] {
    const out: WorkspaceSymbol[][] = [];
    for (const entry of this.entries.values()) if (!skip.has(entry.uri)) out.push(entry.symbols);
    return out;
  }

  private async walk(): Promise<void> {
    let entriesSeen = 0;
    const found: string[] = [];
    const visit = async (dir: string, depth: number): Promise<void> => {
      if (depth > this.limits.maxDepth || found.length >= this.limits.maxFiles || entriesSeen >= this.limits.maxEntries) return;
      let children;
      try {
        children = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      this.stats.directoriesRead++;
      for (const child of children) {
        if (++entriesSeen > this.limits.maxEntries || found.length >= this.limits.maxFiles) return;
        if (child.name.startsWith('.') || SKIP.has(child.name)) continue;
        const path = join(dir, child.name);
        if (child.isDirectory()) await visit(path, depth + 1);
        else if (child.isFile() && child.name.endsWith('.sysd')) found.push(path);
      }
    };
    for (const folder of this.folders) await visit(folder, 0);
    for (const path of found) this.enqueue(path);
  }

  private enqueue(path: string): void {
    if (!this.queue.includes(path)) this.queue.push(path);
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  /** Parses queued files one at a time, yielding between files so requests are answered meanwhile. */
  private async drain(): Promise<void> {
    for (let path = this.queue.shift(); path !== undefined; path = this.queue.shift()) {
      await this.load(path).catch(() => this.drop(path!));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async load(path: string): Promise<void> {
    const info = await stat(path);
    const cached = this.entries.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return;
    const others = this.totalBytes - (cached?.size ?? 0);
    if (!info.isFile() || info.size > this.limits.maxFileBytes || others + info.size > this.limits.maxTotalBytes || (!cached && this.entries.size >= this.limits.maxFiles)) {
      this.drop(path);
      this.stats.filesSkipped++;
      return;
    }
    const text = await readFile(path, 'utf8');
    const uri = pathToFileURL(path).href;
    const symbols = declarationsOf({ uri, lines: new LineIndex(text), ast: parse(text).ast });
    this.stats.filesParsed++;
    this.stats.bytesParsed += text.length;
    this.drop(path);
    this.entries.set(path, { uri, mtimeMs: info.mtimeMs, size: info.size, symbols });
    this.totalBytes += info.size;
  }

  private drop(path: string): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    this.totalBytes -= entry.size;
    this.entries.delete(path);
  }
}
