/**
 * Works out what is being typed at the cursor from the current text alone
 * (not the last analysis, which may be a few keystrokes old): the enclosing
 * block, the statement so far, and the word under the cursor.
 */
import { COMPONENT_KINDS } from '../core/model/types';
import { scan, type Token } from './scanner';

export type Block =
  | { type: 'top' }
  | { type: 'system' }
  | { type: 'group'; group: 'region' | 'zone' }
  | { type: 'component'; kind: string }
  | { type: 'edge' }
  | { type: 'lint' };

export interface CompletionContext {
  block: Block;
  /** Name of the outermost `system` around the cursor, when there is one. */
  system?: string;
  /** Tokens of the statement before the cursor (the word being typed excluded). */
  statement: Token[];
  /** The part of a word already typed, and where it starts. */
  prefix: string;
  prefixStart: number;
  /** True inside a comment or a string, where nothing is offered. */
  silent: boolean;
}

const KINDS = new Set<string>(COMPONENT_KINDS);
const CONTINUES = new Set(['->', '~>', '|', ',', ':']);
const isPunct = (t: Token | undefined, text: string) => t?.type === 'punct' && t.text === text;

/** Statement tokens that end just before `end` (exclusive index). */
function statementBefore(tokens: Token[], end: number): Token[] {
  let start = end;
  while (start > 0) {
    const t = tokens[start - 1];
    if (t.type === 'punct' && (t.text === '{' || t.text === '}' || t.text === ';')) break;
    if (t.type === 'newline') {
      // A line that ends in an arrow, comma or colon continues on the next one.
      let before = start - 2;
      while (before >= 0 && (tokens[before].type === 'newline' || tokens[before].type === 'comment')) before--;
      if (before < 0 || !(tokens[before].type === 'punct' && CONTINUES.has(tokens[before].text))) break;
    }
    start--;
  }
  return tokens.slice(start, end).filter((t) => t.type !== 'newline' && t.type !== 'comment');
}

function classify(statement: Token[]): Block {
  const first = statement[0];
  if (!first) return { type: 'edge' };
  if (statement.some((t) => isPunct(t, '->') || isPunct(t, '~>'))) return { type: 'edge' };
  if (first.text === 'system') return { type: 'system' };
  if (first.text === 'region' || first.text === 'zone') return { type: 'group', group: first.text };
  if (first.text === 'lint') return { type: 'lint' };
  if (KINDS.has(first.text)) return { type: 'component', kind: first.text };
  return { type: 'edge' };
}

/**
 * Where scanning may start: the line of the last `system` keyword that begins
 * a line before the cursor. Everything before it is a finished system, so a
 * large file is not scanned from the top for every completion.
 */
function scanStart(text: string, offset: number): number {
  const before = text.slice(0, offset);
  let at = before.lastIndexOf('\nsystem');
  while (at >= 0 && !/^\nsystem\b/.test(before.slice(at, at + 8))) at = at > 0 ? before.lastIndexOf('\nsystem', at - 1) : -1;
  if (at >= 0) return at + 1;
  return 0;
}

/**
 * The start of the block comment that `at` lies inside (after its `/*`, before
 * its closing star-slash), if any, looking no further back than `floor`. A `/*` inside a
 * string or after `//` on its own line opens nothing.
 */
function commentOpening(text: string, at: number, floor: number): number | undefined {
  const open = text.lastIndexOf('/*', at - 1);
  if (open < floor || open + 2 > at) return undefined;
  const close = text.indexOf('*/', open + 2);
  if (close !== -1 && close + 2 <= at) return undefined;
  const lineStart = Math.max(floor, text.lastIndexOf('\n', open - 1) + 1);
  const onItsLine = scan(text, open + 2, commentOpening(text, lineStart, floor) ?? lineStart);
  const last = onItsLine[onItsLine.length - 1];
  return last?.type === 'comment' && last.start === open ? open : undefined;
}

/**
 * The tokens needed to understand the cursor, read backwards line by line
 * from it: up to the line that opens the innermost enclosing block (and one
 * more, for a header split over two lines), or up to the system's first line.
 * Typing in a large file then costs a few lines, not the whole text.
 */
function windowTokens(text: string, offset: number, floor: number): Token[] {
  const lines: Token[][] = [];
  let lineStart = Math.max(floor, text.lastIndexOf('\n', offset - 1) + 1);
  let lineEnd = offset;
  let depth = 0;
  let opened = false;
  let extra = 0;
  for (;;) {
    // A line inside a block comment is not code: read from the comment's '/*' instead.
    lineStart = commentOpening(text, lineStart, floor) ?? lineStart;
    const tokens = scan(text, lineEnd, lineStart);
    lines.push(tokens);
    if (lines.length === 1) {
      // Right after an arrow or a bar only the names of the system matter: no need to look further.
      const last = tokens[tokens.length - 1];
      const before = last && last.end === offset && (last.type === 'word' || last.type === 'number') ? tokens[tokens.length - 2] : last;
      if (before && before.type === 'punct' && (before.text === '->' || before.text === '~>' || before.text === '|')) break;
    }
    for (let i = tokens.length - 1; i >= 0 && !opened; i--) {
      if (isPunct(tokens[i], '}')) depth++;
      else if (isPunct(tokens[i], '{')) {
        if (depth === 0) opened = true;
        else depth--;
      }
    }
    if ((opened && extra++ >= 1) || lineStart <= floor) break;
    lineEnd = lineStart - 1;
    // At the text's first character there is no earlier line: lastIndexOf(…, -1) would find a '\n' at 0 again.
    lineStart = lineEnd <= floor ? floor : Math.max(floor, text.lastIndexOf('\n', lineEnd - 1) + 1);
  }
  const out: Token[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    out.push(...lines[i]);
    if (i > 0) out.push({ type: 'newline', text: '\n', start: lines[i - 1][0]?.start ?? offset, end: lines[i - 1][0]?.start ?? offset });
  }
  return out;
}

const SYSTEM_LINE = /^system[ \t]+([A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*)/;

export function completionContext(text: string, offset: number): CompletionContext {
  const floor = scanStart(text, offset);
  const tokens = windowTokens(text, offset, floor);
  const systemName = SYSTEM_LINE.exec(text.slice(floor, floor + 200))?.[1];
  let prefix = '';
  let prefixStart = offset;
  let silent = false;
  const last = tokens[tokens.length - 1];
  if (last && last.end === offset) {
    if (last.type === 'comment') silent = !last.text.startsWith('/*') || !last.text.endsWith('*/') || last.text.length < 4;
    else if (last.type === 'string') silent = last.text.length < 2 || !last.text.endsWith('"');
    else if (last.type === 'word' || last.type === 'number') {
      prefix = last.text;
      prefixStart = last.start;
      tokens.pop();
    }
  }
  // A line comment runs to the end of its line, so a cursor after one on the same line is inside it.
  if (last?.type === 'comment' && last.text.startsWith('//') && !text.slice(last.end, offset).includes('\n')) silent = true;
  const opens: number[] = [];
  tokens.forEach((t, i) => {
    if (isPunct(t, '{')) opens.push(i);
    else if (isPunct(t, '}')) opens.pop();
  });
  let block: Block = { type: 'top' };
  const statement = statementBefore(tokens, tokens.length);
  const lastPunct = statement[statement.length - 1];
  const afterArrow = lastPunct?.type === 'punct' && (lastPunct.text === '->' || lastPunct.text === '~>' || lastPunct.text === '|');
  if (opens.length > 0) block = classify(statementBefore(tokens, opens[opens.length - 1]));
  else if (afterArrow) block = { type: 'system' };
  const system = opens.length > 0 || afterArrow ? systemName : undefined;
  return { block, system, statement, prefix, prefixStart, silent };
}
