/**
 * Conversions between core ranges (UTF-16 offsets, end exclusive) and LSP
 * positions (line, UTF-16 character). A LineIndex is built once per text, so
 * every conversion is a binary search rather than a scan of the document.
 */
import type { Position, Range as LspRange } from 'vscode-languageserver';
import type { Range } from '../core/diagnostic';

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      // A lone CR ends a line too, as LSP says; CRLF counts once.
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The line holding `offset` (clamped into the text). */
  lineOf(offset: number): number {
    const target = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= target) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.text.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.starts[line] };
  }

  /** The offset of an LSP position; positions past a line's end clamp to that end. */
  offset(position: Position): number {
    const line = Number.isFinite(position?.line) ? position.line : 0;
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[line];
    const end = this.lineEnd(line);
    const character = Number.isFinite(position.character) ? Math.max(0, position.character) : 0;
    return Math.min(start + character, end);
  }

  /** Offset just before the line break of `line`. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  range(range: Range): LspRange {
    return { start: this.position(range.start), end: this.position(range.end) };
  }

  fromLsp(range: LspRange): Range {
    const start = this.offset(range.start);
    return { start, end: Math.max(start, this.offset(range.end)) };
  }
}
