/**
 * Plain functions that turn tokens into AST pieces, shared by the grammar
 * rules. They read only their arguments, so the rules that call them stay the
 * only place where parsing state lives.
 */
import { EOF, type IToken } from 'chevrotain';
import type { ComponentNode, EdgeNode, GroupNode, LintNode, NameNode, StringNode, SystemNode } from '../ast';
import type { Range } from '../../core/diagnostic';
import * as T from '../tokens';
import { splitStringJoint, unescapeString } from '../values';

/** A block that ends with `}`: what `close` finishes and messages name. */
export type BlockNode = SystemNode | ComponentNode | GroupNode | EdgeNode | LintNode;

export const range = (t: IToken): Range => ({ start: t.startOffset, end: t.startOffset + t.image.length });

export const describe = (t: IToken): string => (t.tokenType === EOF ? 'the end of the file' : `'${t.image.length > 40 ? t.image.slice(0, 40) + '…' : t.image}'`);

export const nameNode = (t: IToken): NameNode => ({ text: t.image, range: range(t) });

export function stringNode(t: IToken): StringNode {
  if (t.tokenType === T.SplitString) {
    // Reported by parse(); its value is what joining the lines gives.
    const joint = splitStringJoint(t.image);
    return { value: unescapeString(`${t.image.slice(1, joint.start)} ${t.image.slice(joint.end, -1)}`), range: range(t) };
  }
  const terminated = t.tokenType === T.TerminatedString;
  // An unterminated string ends at the line's end (or before a final `{`): its trailing blanks are not text.
  return { value: unescapeString(terminated ? t.image.slice(1, -1) : t.image.slice(1).trimEnd()), range: range(t) };
}

/** Where a header (keyword, name, label) ends: the range of its last piece. */
export const headerEnd = (node: SystemNode | ComponentNode | GroupNode): Range =>
  node.label?.range ?? node.name?.range ?? (node.kind === 'component' ? node.type.range : node.keyword);

/**
 * Appends to a list of the AST. Most lists hold one or two items, and a push
 * onto an array full to its length reserves 16 more slots: the first two
 * items make arrays of their exact size instead.
 */
export function append<T>(list: T[], item: T): T[] {
  if (list.length === 0) return [item];
  if (list.length === 1) return [list[0], item];
  list.push(item);
  return list;
}

/** How messages name the owner of a block: `service 'api'`, `the edge`, ... */
export function owner(node: BlockNode): string {
  switch (node.kind) {
    case 'system':
      return `system '${node.name?.text ?? ''}'`;
    case 'component':
      return `${node.type.text} '${node.name?.text ?? ''}'`;
    case 'group':
      return `${node.type} '${node.name?.text ?? ''}'`;
    case 'lint':
      return "the 'lint' block";
    case 'edge':
      return 'the edge';
  }
}

/**
 * What a rule's arguments are while chevrotain records the grammar: it runs
 * each rule once, without arguments, to learn its productions, so a rule's
 * parameters default to these throwaway values and its actions need no guard.
 * The same token is what CONSUME and LA give while recording (rules/base.ts).
 *
 * Its offsets are small integers, never NaN and never read from a token made
 * by createTokenInstance (whose offset fields V8 holds as doubles): V8 gives
 * all objects of one shape one layout, and a single double stored in a range
 * while the grammar is recorded boxes `start` and `end` of every range of
 * every parse, which doubled the garbage and tripled the copying of a parse.
 */
export const RECORDING_TOKEN: IToken = { image: '', startOffset: -1, endOffset: -1, tokenTypeIdx: EOF.tokenTypeIdx!, tokenType: EOF };
export function recordingNode<N>(): N {
  const at = (): Range => ({ start: -1, end: -1 });
  return { kind: 'component', type: { text: '', range: at() }, keyword: at(), members: [], properties: [], steps: [], arrows: [], systems: [], imports: [], range: at() } as N;
}
