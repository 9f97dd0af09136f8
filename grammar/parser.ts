/**
 * The chevrotain parser of docs/language.md §3, one instance reused for every
 * parse. The grammar is written to be tolerant: optional pieces are parsed
 * with OPTION and reported with a precise "expected X after Y" message, and
 * any token that cannot start what a loop expects is consumed as junk with
 * one diagnostic per run. Chevrotain's own recovery stays on as a safety net.
 *
 * The rules are split by what they read, each file a layer of one class:
 * rules/base.ts (diagnostics, token tests), rules/value-lists.ts (the values
 * after a key), rules/properties.ts (headers, blocks, properties),
 * rules/edges.ts, rules/members.ts, and here the file, its imports and its
 * systems. What runs once per line or per property is a part, not a rule
 * (rules/base.ts says why).
 *
 *   file   := (import | system | junk)*
 *   import := 'import' String?
 *   system := 'system' header ('{' members close)?
 */
import { EOF, type IToken } from 'chevrotain';
import type { FileNode, ImportNode, SystemNode } from './ast';
import type { Diagnostic } from '../core/diagnostic';
import * as T from './tokens';
import { MemberRules } from './rules/members';
import { headerEnd, range, recordingNode, stringNode } from './rules/nodes';

const NO_TOKENS: IToken[] = [];

export class SysdParser extends MemberRules {
  constructor() {
    super();
    this.performSelfAnalysis();
  }

  /** Parses one token vector; the parser is reset on each call. */
  parseTokens(tokens: IToken[], text: string): { ast: FileNode; diagnostics: Diagnostic[] } {
    this.resetState(text);
    this.input = tokens;
    const file: FileNode = { kind: 'file', imports: [], systems: [], comments: [], range: { start: 0, end: text.length } };
    this.fileRule(file);
    this.flushJunk();
    const diagnostics = this.diagnostics;
    for (const error of this.errors) {
      const t = error.token;
      const at = t.tokenType === EOF || Number.isNaN(t.startOffset) ? { start: text.length, end: text.length } : range(t);
      diagnostics.push({ code: 'syntax', severity: 'error', message: error.message, range: at });
    }
    this.release();
    return { ast: file, diagnostics };
  }

  /**
   * Drops every reference to this parse: the parser instance lives as long as
   * the server, and tokens or nodes it kept would survive into the next parse,
   * where the garbage collector would copy and promote them (20 MB of tokens
   * for a 1 MB model).
   */
  private release(): void {
    this.input = NO_TOKENS;
    this.releaseState();
  }

  private fileRule = this.RULE('file', (file: FileNode = recordingNode()) => {
    const inFile: { ARGS: [FileNode] } = { ARGS: [file] };
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.importRule, inFile) },
        { ALT: () => this.SUBRULE(this.system, inFile) },
        { ALT: () => this.junk(this.CONSUME(T.TopJunk), "a file holds only 'system' blocks (and 'import' lines)") },
      ]),
    );
  });

  private importRule = this.RULE('import', (file: FileNode = recordingNode()) => {
    const kw = this.CONSUME(T.Import);
    const node: ImportNode = { kind: 'import', range: range(kw) };
    this.flushJunk();
    file.imports.push(node);
    const path = this.taken(this.OR<IToken | undefined>(this.importPath));
    if (path) {
      node.path = stringNode(path);
      node.range.end = path.startOffset + path.image.length;
    }
  });

  private readonly importPath = [
    { ALT: (): IToken | undefined => this.CONSUME(T.StringLiteral) },
    { ALT: () => void this.expected('a file path in double quotes', range(this.LA(0))) },
  ];

  private system = this.RULE('system', (file: FileNode = recordingNode()) => {
    const kw = this.CONSUME(T.System);
    const node: SystemNode = { kind: 'system', keyword: range(kw), members: [], range: range(kw) };
    this.flushJunk();
    file.systems.push(node);
    this.header(node, kw);
    this.OR([
      {
        ALT: () => {
          const open = this.CONSUME(T.LCurly);
          this.SUBRULE(this.members, { ARGS: [node.members, 0] });
          this.close(open, node);
        },
      },
      { ALT: () => this.expected("'{' to open the system", headerEnd(node)) },
    ]);
  });
}
