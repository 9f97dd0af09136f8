/**
 * A small, forgiving scanner of .sysd text for the formatter and for
 * completion contexts. Unlike the grammar's lexer it keeps comments and line
 * breaks as tokens and never fails: anything it does not know is an `other`
 * token, so a half-typed line still yields useful context.
 */
export type TokenType = 'word' | 'number' | 'string' | 'comment' | 'punct' | 'newline' | 'other';

export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
}

const PUNCT = ['->', '~>', '{', '}', ':', ';', ',', '|'];
const PUNCT_START = new Set(PUNCT.map((p) => p[0]));
const NAME = /[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/y;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:%|[A-Za-z]+)?/y;

/** Tokens of text[from, limit). `from` must not sit inside a comment or string. */
export function scan(text: string, limit = text.length, from = 0): Token[] {
  const tokens: Token[] = [];
  let i = Math.max(0, from);
  const end = Math.min(limit, text.length);
  while (i < end) {
    const c = text[i];
    if (c === '\n') {
      tokens.push({ type: 'newline', text: '\n', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF') {
      i++;
      continue;
    }
    const start = i;
    if (c === '/' && text[i + 1] === '/') {
      while (i < end && text[i] !== '\n' && text[i] !== '\r') i++;
      tokens.push({ type: 'comment', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? end : Math.min(end, close + 2);
      tokens.push({ type: 'comment', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === '"') {
      i++;
      while (i < end && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' && text[i + 1] !== '\n' ? 2 : 1;
      if (text[i] === '"') i++;
      i = Math.min(i, end);
      tokens.push({ type: 'string', text: text.slice(start, i), start, end: i });
      continue;
    }
    const punct = PUNCT_START.has(c) ? PUNCT.find((p) => text.startsWith(p, i)) : undefined;
    if (punct) {
      i += punct.length;
      tokens.push({ type: 'punct', text: punct, start, end: i });
      continue;
    }
    const code = text.charCodeAt(i);
    const isLetter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    const re = isLetter ? NAME : code >= 48 && code <= 57 ? NUMBER : undefined;
    if (re) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) {
        i = Math.min(end, i + m[0].length);
        tokens.push({ type: isLetter ? 'word' : 'number', text: text.slice(start, i), start, end: i });
      }
    }
    if (i === start) {
      i++;
      // Keep surrogate pairs together so an emoji is one token.
      if (c >= '\uD800' && c <= '\uDBFF' && i < end) i++;
      tokens.push({ type: 'other', text: text.slice(start, i), start, end: i });
    }
  }
  return tokens;
}
