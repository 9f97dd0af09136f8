/**
 * Offsets ↔ (line, character) for one text, both 0-based, characters in
 * UTF-16 code units as LSP counts them. Built once per text; each lookup is a
 * binary search. The CLI adds 1 to both for its 1-based output.
 */
export interface LineCharacter {
  line: number;
  character: number;
}

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

  /** End of a line's text, before its line break. */
  lineEnd(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
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

  position(offset: number): LineCharacter {
    const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.text.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.starts[line] };
  }

  /** The offset of a position; positions past a line's end clamp to that end. */
  offset(position: LineCharacter): number {
    const line = Number.isFinite(position?.line) ? position.line : 0;
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const character = Number.isFinite(position.character) ? Math.max(0, position.character) : 0;
    return Math.min(this.starts[line] + character, this.lineEnd(line));
  }
}
