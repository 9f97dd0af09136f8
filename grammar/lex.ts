/**
 * Lexing in chunks of lines. Chevrotain's lexer collects tokens in an array it
 * sizes at one token per ten characters and grows as it goes; sysd text has
 * about one per four, so for a 100 KB file the array grows past V8's largest
 * regular object (128 KB) and every growth step is mapped afresh, page by
 * page. On the bench machine that was 119 page faults and about half of the
 * lexing time of a 1,000-component model. Lexed 16 KB at a time, no chunk's
 * array gets that large; the tokens are gathered into one array that is kept
 * from parse to parse (emptied in between, so it holds no tokens), and is
 * mapped only when a larger file needs more room.
 *
 * A cut goes after a newline that ends a line without a '"' (no string can
 * run across it: a string over two lines, `SplitString`, starts on a line
 * that has one), and only in text without `/*` (a block comment can span
 * lines). Every pattern of ./tokens.ts that looks ahead stops at the end of
 * the line, so each chunk lexes exactly as it would inside the whole text.
 */
import type { ILexingError, IToken } from 'chevrotain';
import { sysdLexer } from './tokens';

export const CHUNK_CHARS = 16 * 1024;

export interface Lexed {
  /** Valid until the next `lex`, and emptied by `releaseTokens`. */
  tokens: IToken[];
  errors: ILexingError[];
  comments: IToken[];
}

/** The one array every lex gathers its tokens into; see the file comment. */
let shared: IToken[] = [];
let held = 0;

export function lex(text: string, chunkChars = CHUNK_CHARS): Lexed {
  releaseTokens();
  const ends = chunkEnds(text, chunkChars);
  if (ends.length === 1) {
    const whole = sysdLexer.tokenize(text);
    return { tokens: whole.tokens, errors: whole.errors, comments: (whole.groups.comments ?? []) as IToken[] };
  }
  const parts = [];
  let total = 0;
  let start = 0;
  for (const end of ends) {
    const part = sysdLexer.tokenize(text.slice(start, end));
    parts.push({ start, part });
    total += part.tokens.length;
    start = end;
  }
  if (shared.length < total) shared = new Array<IToken>(total);
  else shared.length = total;
  const errors: ILexingError[] = [];
  const comments: IToken[] = [];
  let k = 0;
  for (const { start: base, part } of parts) {
    for (const t of part.tokens) {
      t.startOffset += base;
      shared[k++] = t;
    }
    for (const e of part.errors) {
      e.offset += base;
      errors.push(e);
    }
    for (const t of (part.groups.comments ?? []) as IToken[]) {
      t.startOffset += base;
      comments.push(t);
    }
  }
  held = total;
  return { tokens: shared, errors, comments };
}

/** Drops the last lex's tokens from the kept array, so none outlives its parse. */
export function releaseTokens(): void {
  if (held > 0) shared.fill(undefined!, 0, held);
  held = 0;
}

/** Tokens the kept array still holds; for tests. */
export function tokensHeld(): number {
  let n = 0;
  for (let i = 0; i < shared.length; i++) if (shared[i] !== undefined) n++;
  return n;
}

/**
 * Offsets where the text may be cut, each just after a newline, about
 * `size` characters apart; the last is the text's length. One offset (no
 * cut) for short text and for text with `/*`.
 */
export function chunkEnds(text: string, size: number): number[] {
  const ends: number[] = [];
  if (text.length > 2 * size && !text.includes('/*')) {
    let start = 0;
    while (text.length - start > 2 * size) {
      let nl = text.indexOf('\n', start + size);
      while (nl >= 0 && lineHasQuote(text, nl)) nl = text.indexOf('\n', nl + 1);
      if (nl < 0 || nl + 1 >= text.length) break;
      ends.push(nl + 1);
      start = nl + 1;
    }
  }
  ends.push(text.length);
  return ends;
}

/** Whether the line that ends at the newline `nl` has a '"'. */
function lineHasQuote(text: string, nl: number): boolean {
  for (let i = nl - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if (c === 34) return true;
  }
  return false;
}
