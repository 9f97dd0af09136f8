/**
 * What is being typed at the cursor, from the current text (not the last
 * analysis, which may be a few keystrokes old), read by the grammar itself:
 * the text up to the cursor is parsed, the blocks still open at its end are
 * the blocks around the cursor, and the last statement of the innermost one,
 * lexed by the grammar's lexer, is the statement so far.
 *
 * Parsing a whole large file for every keystroke would make completion wait,
 * so when the last analysis is at hand its syntax tree says where the text
 * can be cut: everything before the statement being edited is blanked out
 * (offsets unchanged), except the headers of the blocks that are open there.
 * The parser then reads a few lines, whatever the size of the file.
 */
import type { ComponentNode, EdgeNode, FileNode, GroupNode, LintNode, MemberNode, PropertyNode, SystemNode } from '../grammar/ast';
import { parse } from '../grammar/parse';
import { textTokens, type Token } from './text-tokens';

export type { Token } from './text-tokens';

export type Block =
  | { type: 'top' }
  | { type: 'system' }
  | { type: 'group'; group: 'region' | 'zone' }
  | { type: 'component'; kind: string }
  | { type: 'edge' }
  | { type: 'lint' };

export interface CompletionContext {
  block: Block;
  /** Name of the `system` around the cursor, when there is one. */
  system?: string;
  /** Tokens of the statement before the cursor, the word being typed excluded. */
  statement: Token[];
  /** The word being typed: the part of a name or number before the cursor. */
  prefix: string;
  /** True inside a comment or a string, where nothing is offered. */
  silent: boolean;
}

/** The last analysed text and its tree, used only to find where the text can be cut. */
export interface Previous {
  text: string;
  ast: FileNode;
}

type Item = SystemNode | MemberNode;
type Container = SystemNode | GroupNode | ComponentNode | EdgeNode | LintNode;

const CONTINUES = new Set(['->', '~>', '|', ',', ':']);

const bodyOf = (item: Item): { start: number; end: number } | undefined => ('body' in item ? item.body : undefined);
const childrenOf = (item: Container): Item[] => (item.kind === 'system' || item.kind === 'group' ? item.members : item.properties);
/**
 * A block is closed when its range ends with a `}` of its own: an unclosed
 * block ends where its last member does, which may be that member's `}`.
 */
const closed = (text: string, item: Item): boolean => {
  const body = bodyOf(item);
  if (!body || body.end - 1 <= body.start || text.charCodeAt(body.end - 1) !== 125) return false;
  const children = childrenOf(item as Container);
  return children.length === 0 || children[children.length - 1].range.end < body.end;
};

/** The last item that starts before `offset` (items are in source order). */
function lastBefore(items: Item[], offset: number): Item | undefined {
  let lo = 0;
  let hi = items.length - 1;
  let found: Item | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].range.start < offset) (found = items[mid]), (lo = mid + 1);
    else hi = mid - 1;
  }
  return found;
}

/** The length of the common start of two texts, up to `limit`: compared a block at a time, then by character. */
function commonPrefix(a: string, b: string, limit: number): number {
  const n = Math.min(a.length, b.length, limit);
  const BLOCK = 4096;
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Statements kept whole before the one being edited. The parser decides with
 * at most three tokens of lookahead, and every statement holds at least one
 * token, so three whole statements between the cut and the first changed
 * character mean the parser is in the same state at the cut in the previous
 * text and in the current one.
 */
const KEPT_STATEMENTS = 3;

/** The index of the last item that ends before `offset`, or -1. */
function lastEndingBefore(items: Item[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].range.end < offset) (found = mid), (lo = mid + 1);
    else hi = mid - 1;
  }
  return found;
}

/** The text the parser reads for a cursor, and how far its end is shifted from the document's offsets. */
export interface Window {
  text: string;
  /** Add to an offset of the window's last part (from the kept statements on) to get the document's offset. */
  shift: number;
}

/**
 * The headers of the blocks open before the statements around the cursor,
 * found in the previous tree (which holds up to the first character that
 * changed since), then the text from those statements to the cut. Between
 * headers only line breaks are kept: patterns of the lexer look ahead to the
 * end of a line (a string split over two lines must end its line), so a
 * header reads as it did in place.
 */
export function windowText(text: string, cut: number, previous?: Previous): Window {
  if (!previous) return { text: text.slice(0, cut), shift: 0 };
  const unchanged = commonPrefix(previous.text, text, cut);
  const headers: { start: number; end: number }[] = [];
  let best: { from: number; headers: number } = { from: 0, headers: 0 };
  let items: Item[] = previous.ast.systems;
  for (;;) {
    const whole = lastEndingBefore(items, unchanged);
    if (whole >= KEPT_STATEMENTS - 1) best = { from: items[whole - KEPT_STATEMENTS + 1].range.start, headers: headers.length };
    // Go down into the block that holds the first change, if any.
    const item = lastBefore(items, unchanged);
    const body = item && bodyOf(item);
    if (!item || !body || item.kind === 'property' || body.start >= unchanged) break;
    if (unchanged >= body.end && closed(previous.text, item)) break;
    headers.push({ start: item.range.start, end: body.start + 1 });
    items = childrenOf(item);
  }
  if (best.from === 0) return { text: text.slice(0, cut), shift: 0 };
  const parts: string[] = [];
  let at = 0;
  for (const h of headers.slice(0, best.headers)) {
    parts.push(gap(text, at, h.start), text.slice(h.start, h.end));
    at = h.end;
  }
  parts.push(gap(text, at, best.from));
  const head = parts.join('');
  return { text: head + text.slice(best.from, cut), shift: best.from - head.length };
}

/** What stands for text[from, to) between headers: a space, and the line breaks that end its first line and start its last. */
function gap(text: string, from: number, to: number): string {
  if (to <= from) return '';
  const first = text.indexOf('\n', from);
  if (first < 0 || first >= to) return ' ';
  return text.lastIndexOf('\n', to - 1) === first ? ' \n ' : ' \n\n ';
}

function blockOf(item: Container): Block {
  switch (item.kind) {
    case 'system': return { type: 'system' };
    case 'group': return { type: 'group', group: item.type };
    case 'component': return { type: 'component', kind: item.type.text };
    case 'edge': return { type: 'edge' };
    case 'lint': return { type: 'lint' };
  }
}

/** The tokens of the statement that ends the token list: back to a brace, a `;` or a line that does not continue. */
function lastStatement(tokens: Token[]): Token[] {
  let start = tokens.length;
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
  return tokens.slice(start).filter((t) => t.type !== 'newline' && t.type !== 'comment');
}

export function completionContext(text: string, offset: number, previous?: Previous): CompletionContext {
  const cut = Math.max(0, Math.min(offset, text.length));
  const { text: window, shift } = windowText(text, cut, previous);
  const { ast } = parse(window);
  // The blocks still open at the end of the text before the cursor are the blocks around it.
  let block: Block = { type: 'top' };
  let system: string | undefined;
  let items: Item[] = ast.systems;
  let start = 0;
  for (;;) {
    const last = items[items.length - 1];
    if (!last) break;
    const body = bodyOf(last);
    if (body && last.kind !== 'property' && !closed(window, last)) {
      block = blockOf(last);
      if (last.kind === 'system') system = last.name?.text;
      items = childrenOf(last);
      start = body.start + 1;
      continue;
    }
    start = closed(window, last) ? body!.end : last.range.start;
    break;
  }
  const tokens = textTokens(window, start, window.length);
  for (const t of tokens) (t.start += shift), (t.end += shift);
  const end = tokens[tokens.length - 1];
  let silent = false;
  if (end && end.end === cut) {
    // A line comment runs to the end of its line; an unclosed block comment or string to the cursor.
    if (end.type === 'comment') silent = end.text.startsWith('//') || !end.closed;
    else if (end.type === 'string') silent = !end.closed;
  }
  // The word being typed is not part of the statement: the client filters the list by it.
  const typing = end && end.end === cut && (end.type === 'word' || end.type === 'number');
  if (typing) tokens.pop();
  return { block, system, statement: lastStatement(tokens), prefix: typing ? end.text : '', silent };
}
