/**
 * The names and strings of docs/language.md §2 matched by loops over the
 * characters, each in time linear in the token and with no stack of its own
 * (see `matcher` in ./tokens.ts for why not regular expressions). Each
 * returns the offset just past the token, or -1 when no token starts at
 * `offset`; each gives exactly the match the regular expression in its
 * comment gives.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const CR = 13;
const LF = 10;
const LCURLY = 123;
const RCURLY = 125;
const SPACE = 32;
const TAB = 9;

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** `[A-Za-z0-9_]` */
const isWordChar = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 95;
/** What `.` does not match: the line terminators. */
const isLineTerminator = (c: number) => c === LF || c === CR || c === 0x2028 || c === 0x2029;

/** `[A-Za-z](?:[A-Za-z0-9_]|-(?=[A-Za-z0-9_]))*` */
export function matchName(text: string, offset: number): number {
  if (!isLetter(text.charCodeAt(offset))) return -1;
  let i = offset + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) i++;
    else if (c === 45 && isWordChar(text.charCodeAt(i + 1))) i += 2;
    else return i;
  }
}

/**
 * `(?:[^"\\\r\n]|\\.)*` from `i` (without `{` and `}` when `stopAtBraces`):
 * the offset where it ends.
 */
function stringBody(text: string, i: number, stopAtBraces: boolean): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (Number.isNaN(c) || c === QUOTE || c === CR || c === LF) return i;
    if (c === BACKSLASH) {
      const next = text.charCodeAt(i + 1);
      if (Number.isNaN(next) || isLineTerminator(next)) return i;
      i += 2;
    } else if (stopAtBraces && (c === LCURLY || c === RCURLY)) return i;
    else i++;
  }
}

/** `"(?:[^"\\\r\n]|\\.)*"` */
export function matchTerminatedString(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== QUOTE) return -1;
  const end = stringBody(text, offset + 1, false);
  return text.charCodeAt(end) === QUOTE ? end + 1 : -1;
}

/**
 * `"(?:[^"\\\r\n]|\\.)*\r?\n(?:[^"\\\r\n]|\\.)*"` followed by
 * `[ \t]*(?:[;,{}][ \t]*)*` and then `//`, `/*`, a line break or the end of
 * the text (not part of the token).
 */
export function matchSplitString(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== QUOTE) return -1;
  let i = stringBody(text, offset + 1, false);
  if (text.charCodeAt(i) === CR) i++;
  if (text.charCodeAt(i) !== LF) return -1;
  i = stringBody(text, i + 1, false);
  if (text.charCodeAt(i) !== QUOTE) return -1;
  const end = i + 1;
  let j = end;
  for (;;) {
    const c = text.charCodeAt(j);
    if (c === SPACE || c === TAB || c === 59 || c === 44 || c === LCURLY || c === RCURLY) j++;
    else break;
  }
  const c = text.charCodeAt(j);
  const next = text.charCodeAt(j + 1);
  const follows = j >= text.length || c === LF || (c === CR && next === LF) || (c === 47 && (next === 47 || next === 42));
  return follows ? end : -1;
}

/** `(?=[ \t]*[^ \t\r\n])` at `i`: something other than blanks follows on this line. */
function somethingFollows(text: string, i: number): boolean {
  while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++;
  const c = text.charCodeAt(i);
  return !Number.isNaN(c) && c !== CR && c !== LF;
}

/**
 * `"(?:[^"\\\r\n{}]|\\.|\}(?=[ \t]*[^ \t\r\n]))*(?:\{(?=[ \t]*[^ \t\r\n])(?:[^"\\\r\n]|\\.)*)?`:
 * up to the end of the line, but not a final `{` or `}` (see ./tokens.ts).
 */
export function matchUnterminatedString(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== QUOTE) return -1;
  let i = offset + 1;
  for (;;) {
    i = stringBody(text, i, true);
    if (text.charCodeAt(i) === RCURLY && somethingFollows(text, i + 1)) i++;
    else break;
  }
  if (text.charCodeAt(i) === LCURLY && somethingFollows(text, i + 1)) i = stringBody(text, i + 1, false);
  return i;
}
