/**
 * The grammar's own lexer (grammar/lex.ts), seen as the formatter and the
 * completion context need it: comments and line breaks kept as tokens, in
 * source order, and characters the lexer rejects as `other` tokens. There is
 * one lexer in the project; this only changes how its output is presented.
 */
import { tokenMatcher, type IToken } from 'chevrotain';
import { lex, releaseTokens } from '../grammar/lex';
import * as T from '../grammar/tokens';

export type TokenType = 'word' | 'number' | 'string' | 'comment' | 'punct' | 'newline' | 'other';

export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
  /** For a string or a block comment: whether it was closed (a `"` or a star-slash at its end). */
  closed?: boolean;
}

function typeOf(t: IToken): TokenType {
  if (tokenMatcher(t, T.StringLiteral)) return 'string';
  if (t.tokenType === T.NumberLiteral) return 'number';
  if (t.tokenType === T.Name || tokenMatcher(t, T.Keyword)) return 'word';
  return 'punct';
}

/** The tokens of text[from, to), with offsets in `text`; the slice must not start inside a comment or a string. */
export function textTokens(text: string, from = 0, to = text.length): Token[] {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const lexed = lex(slice);
  const raw: Token[] = [];
  for (const t of lexed.tokens) {
    const type = typeOf(t);
    const closed = type === 'string' ? t.tokenType !== T.UnterminatedString : undefined;
    raw.push({ type, text: t.image, start: from + t.startOffset, end: from + t.startOffset + t.image.length, closed });
  }
  for (const t of lexed.comments) {
    raw.push({ type: 'comment', text: t.image, start: from + t.startOffset, end: from + t.startOffset + t.image.length, closed: t.tokenType !== T.UnterminatedComment });
  }
  for (const e of lexed.errors) {
    raw.push({ type: 'other', text: slice.slice(e.offset, e.offset + e.length), start: from + e.offset, end: from + e.offset + e.length });
  }
  releaseTokens();
  raw.sort((a, b) => a.start - b.start);
  // The lexer skips white space; its line breaks are tokens here, one per '\n'.
  const out: Token[] = [];
  let at = from;
  for (const t of raw) {
    pushNewlines(text, at, t.start, out);
    out.push(t);
    at = t.end;
  }
  pushNewlines(text, at, to, out);
  return out;
}

function pushNewlines(text: string, from: number, to: number, out: Token[]): void {
  for (let nl = text.indexOf('\n', from); nl >= 0 && nl < to; nl = text.indexOf('\n', nl + 1)) {
    out.push({ type: 'newline', text: '\n', start: nl, end: nl + 1 });
  }
}
