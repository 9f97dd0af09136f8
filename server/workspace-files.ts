/**
 * The .sysd files of the workspace folders that are not open in the editor,
 * for workspace symbols. Files are parsed only (no analysis) and cached by
 * modification time, so a second search costs a directory walk and stats.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileNode } from '../grammar/ast';
import { parse } from '../grammar/parse';
import { LineIndex } from './convert';

export interface ParsedFile {
  uri: string;
  lines: LineIndex;
  ast: FileNode;
}

const SKIP = new Set(['node_modules', '.git', 'dist', 'out']);
const MAX_FILES = 2000;
const MAX_BYTES = 5_000_000;

export class WorkspaceFiles {
  private readonly cache = new Map<string, { mtimeMs: number; file: ParsedFile }>();
  private folders: string[] = [];

  setFolders(uris: string[]): void {
    this.folders = uris.flatMap((uri) => {
      try {
        return uri.startsWith('file:') ? [fileURLToPath(uri)] : [];
      } catch {
        return [];
      }
    });
  }

  /** Every .sysd file under the folders, except the ones whose uri is in `skip` (open documents). */
  files(skip: Set<string>): ParsedFile[] {
    const out: ParsedFile[] = [];
    const walk = (dir: string, depth: number) => {
      if (depth > 12 || out.length >= MAX_FILES) return;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path, depth + 1);
        else if (entry.isFile() && entry.name.endsWith('.sysd')) {
          const uri = pathToFileURL(path).href;
          if (skip.has(uri)) continue;
          const file = this.load(path, uri);
          if (file) out.push(file);
        }
      }
    };
    for (const folder of this.folders) walk(folder, 0);
    return out;
  }

  private load(path: string, uri: string): ParsedFile | undefined {
    try {
      const stat = statSync(path);
      if (stat.size > MAX_BYTES) return undefined;
      const cached = this.cache.get(path);
      if (cached && cached.mtimeMs === stat.mtimeMs) return cached.file;
      const text = readFileSync(path, 'utf8');
      const file = { uri, lines: new LineIndex(text), ast: parse(text).ast };
      this.cache.set(path, { mtimeMs: stat.mtimeMs, file });
      return file;
    } catch {
      return undefined;
    }
  }
}
