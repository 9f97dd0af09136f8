/**
 * Conversions between core ranges (UTF-16 offsets, end exclusive) and LSP
 * ranges. The line index itself lives in core (the CLI uses it too); this
 * adds only the LSP range shapes on top.
 */
import type { Range as LspRange } from 'vscode-languageserver';
import type { Range } from '../core/diagnostic';
import { LineIndex as CoreLineIndex } from '../core/line-index';

export class LineIndex extends CoreLineIndex {
  range(range: Range): LspRange {
    return { start: this.position(range.start), end: this.position(range.end) };
  }

  fromLsp(range: LspRange): Range {
    const start = this.offset(range.start);
    return { start, end: Math.max(start, this.offset(range.end)) };
  }
}
