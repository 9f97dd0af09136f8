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

export function completionContext(text: string, offset: number): CompletionContext {
  const tokens = scan(text, offset, scanStart(text, offset));
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
  let system: string | undefined;
  if (opens.length > 0) {
    block = classify(statementBefore(tokens, opens[opens.length - 1]));
    const outer = statementBefore(tokens, opens[0]);
    if (outer[0]?.text === 'system' && outer[1]?.type === 'word') system = outer[1].text;
  }
  return { block, system, statement: statementBefore(tokens, tokens.length), prefix, prefixStart, silent };
}
