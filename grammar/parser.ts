/**
 * The chevrotain parser of docs/language.md §3, one instance reused for every
 * parse. The grammar is written to be tolerant: optional pieces are parsed
 * with OPTION and reported with a precise "expected X after Y" message, and
 * any token that cannot start what a loop expects is consumed as junk with
 * one diagnostic per run. Chevrotain's own recovery stays on as a safety net.
 *
 * Nodes are created when their first token is consumed and pushed into their
 * parent at once, so a statement cut short by recovery still appears in the
 * AST with the range it reached.
 */
import { EmbeddedActionsParser, EOF, type IToken, type TokenType, tokenMatcher } from 'chevrotain';
import type {
  AlternativesNode, ComponentNode, EdgeNode, FileNode, GroupNode, LintNode, MemberNode, NameNode,
  PropertyNode, StringNode, SystemNode, TargetsNode,
} from './ast';
import type { Diagnostic, Range, SuggestedFix } from '../core/diagnostic';
import * as T from './tokens';
import { parseNumberLiteral, splitStringJoint, unescapeString } from './values';

/** Groups nested deeper than this are parsed flat, so no input can exhaust the stack. */
export const MAX_GROUP_DEPTH = 64;

const NO_TOKENS: IToken[] = [];
const range = (t: IToken): Range => ({ start: t.startOffset, end: t.startOffset + t.image.length });
const describe = (t: IToken): string => (t.tokenType === EOF ? 'the end of the file' : `'${t.image.length > 40 ? t.image.slice(0, 40) + '…' : t.image}'`);

export class SysdParser extends EmbeddedActionsParser {
  private file!: FileNode;
  private diagnostics: Diagnostic[] = [];
  private containers: MemberNode[][] = [];
  private depth = 0;
  private junkRun: { start: IToken; end: IToken; context: string } | undefined;
  /** The `{ ... }` property block being read (property blocks never nest). */
  private block!: ComponentNode | EdgeNode | LintNode;
  /** The keyword before a header; the header's name, label and last token. */
  private headerKw!: IToken;
  private headerName: NameNode | undefined;
  private headerLabel: StringNode | undefined;
  private headerLast!: IToken;
  /** The `{` and the node of the block the `close` rule ends. */
  private closeOpen!: IToken;
  private closeNode!: SystemNode | ComponentNode | GroupNode | EdgeNode | LintNode;
  /** The group whose body is about to be read. */
  private groupNode!: GroupNode;
  /** The edge being read, its first name and its current Targets step. */
  private edgeFirst!: IToken;
  private edge!: EdgeNode;
  private step!: TargetsNode;
  /** The source text: tokens carry offsets only, so line questions are asked of it. */
  private text = '';
  /** The property being parsed and its key: set by the caller of propertyRest. */
  private prop!: PropertyNode;
  private propKey!: IToken;
  /** A token an "expected X, found Y" message already named: not reported again as junk. */
  private namedAt = -1;

  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, skipValidations: true });
    this.performSelfAnalysis();
  }

  /** Parses one token vector; the parser is reset on each call. */
  parseTokens(tokens: IToken[], text: string): { ast: FileNode; diagnostics: Diagnostic[] } {
    const textLength = text.length;
    this.text = text;
    this.file = { kind: 'file', imports: [], systems: [], comments: [], range: { start: 0, end: textLength } };
    this.diagnostics = [];
    this.containers = [];
    this.depth = 0;
    this.junkRun = undefined;
    this.namedAt = -1;
    this.input = tokens;
    this.fileRule();
    this.flushJunk();
    for (const error of this.errors) {
      const t = error.token;
      const at = t.tokenType === EOF || Number.isNaN(t.startOffset) ? { start: textLength, end: textLength } : range(t);
      this.diagnostics.push({ code: 'syntax', severity: 'error', message: error.message, range: at });
    }
    const result = { ast: this.file, diagnostics: this.diagnostics };
    this.release();
    return result;
  }

  /**
   * Drops every reference to this parse: the parser instance lives as long as
   * the server, and tokens or nodes it kept would survive into the next parse,
   * where the garbage collector would copy and promote them (20 MB of tokens
   * for a 1 MB model).
   */
  private release(): void {
    this.input = NO_TOKENS;
    this.text = '';
    this.file = this.block = this.headerKw = this.headerLast = this.closeOpen = this.closeNode = this.groupNode = undefined!;
    this.edgeFirst = this.edge = this.step = this.prop = this.propKey = undefined!;
    this.headerName = this.headerLabel = this.junkRun = undefined;
    this.diagnostics = [];
    this.containers = [];
  }

  // ---- helpers (called only inside ACTION or GATE) -------------------------

  /** `meant`: the fix only corrects a misspelling, so it is what the author meant (core/cascade.ts). */
  private error(message: string, at: Range, fix?: SuggestedFix, meant = false): void {
    this.diagnostics.push({ code: 'syntax', severity: 'error', message, range: at, ...(fix ? { data: { fix, ...(meant ? { meant } : {}) } } : {}) });
  }

  /** "expected X after Y": at the next token when it is on the same line, else at Y. */
  private expected(what: string, after: IToken, found: IToken = this.LA(1), fix?: SuggestedFix): void {
    this.flushJunk();
    const sameLine = found.tokenType !== EOF && this.onOneLine(after, found);
    const message = `expected ${what} after '${after.image}'` + (found.tokenType === EOF ? ', found the end of the file' : sameLine ? `, found ${describe(found)}` : '');
    this.error(message, sameLine ? range(found) : range(after), fix);
    if (sameLine) this.namedAt = found.startOffset;
  }

  /** True when no line break stands between the end of `a` and the start of `b`. */
  private onOneLine(a: IToken, b: IToken): boolean {
    const from = a.startOffset + a.image.length;
    for (let i = from; i < b.startOffset; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) return false;
    }
    return true;
  }

  private junk(t: IToken, context: string): void {
    if (t.startOffset === this.namedAt) return;
    if (this.junkRun && this.junkRun.context === context) this.junkRun.end = t;
    else {
      this.flushJunk();
      this.junkRun = { start: t, end: t, context };
    }
  }

  private flushJunk(): void {
    const run = this.junkRun;
    if (!run) return;
    this.junkRun = undefined;
    const at = { start: run.start.startOffset, end: run.end.startOffset + run.end.image.length };
    const what = run.start === run.end ? describe(run.start) : `${describe(run.start)} … ${describe(run.end)}`;
    this.error(`unexpected ${what}: ${run.context}`, at);
  }

  private is(offset: number, type: TokenType): boolean {
    return tokenMatcher(this.LA(offset), type);
  }

  private isKey(offset: number): boolean {
    return this.is(offset, T.Name) || this.is(offset, T.RateUnit);
  }

  private nameNode(t: IToken): NameNode {
    return { text: t.image, range: range(t) };
  }

  private stringNode(t: IToken): StringNode {
    if (t.tokenType === T.SplitString) {
      // Reported by parse(); its value is what joining the lines gives.
      const joint = splitStringJoint(t.image);
      return { value: unescapeString(`${t.image.slice(1, joint.start)} ${t.image.slice(joint.end, -1)}`), range: range(t) };
    }
    const terminated = t.tokenType === T.TerminatedString;
    // An unterminated string ends at the line's end (or before a final `{`): its trailing blanks are not text.
    return { value: unescapeString(terminated ? t.image.slice(1, -1) : t.image.slice(1).trimEnd()), range: range(t) };
  }

  private reserved(t: IToken): NameNode {
    this.flushJunk();
    const kind = (T.KIND_WORDS as readonly string[]).includes(t.image) ? ' (a component kind)' : '';
    this.error(`'${t.image}' is a reserved word${kind} and cannot be a name: rename it, e.g. '${t.image}-1' or 'my-${t.image}'`, range(t));
    return this.nameNode(t);
  }

  private member(node: MemberNode): void {
    this.flushJunk();
    this.containers[this.containers.length - 1]?.push(node);
  }

  // ---- rules ----------------------------------------------------------------
  //
  // Statements run once per line of a model, so their rules allocate nothing
  // but the AST: alternatives live in fields created once, arguments travel in
  // parser fields instead of ARGS arrays and closures, and choices that need a
  // semantic check (a GATE, which makes chevrotain allocate on every call) are
  // decided by a plain `if` outside the recording phase. The recording phase
  // still sees each OR, MANY and OPTION, so lookahead and recovery are computed
  // from the same grammar.

  private fileRule = this.RULE('file', () => {
    this.MANY(this.fileStep);
  });

  private readonly fileStep = (): void => {
    this.OR(this.fileAlternatives);
  };

  private readonly fileAlternatives = [
    { ALT: () => this.SUBRULE(this.importRule) },
    { ALT: () => this.SUBRULE(this.systemRule) },
    {
      ALT: () => {
        const t = this.CONSUME(T.TopJunk);
        if (!this.RECORDING_PHASE) this.junk(t, "a file holds only 'system' blocks (and 'import' lines)");
      },
    },
  ];

  private importRule = this.RULE('import', () => {
    const kw = this.CONSUME(T.Import);
    if (!this.RECORDING_PHASE) {
      this.flushJunk();
      this.file.imports.push({ kind: 'import', range: range(kw) });
    }
    this.OR([
      {
        ALT: () => {
          const s = this.CONSUME(T.StringLiteral);
          if (!this.RECORDING_PHASE) {
            const node = this.file.imports[this.file.imports.length - 1];
            node.path = this.stringNode(s);
            node.range.end = s.startOffset + s.image.length;
          }
        },
      },
      { ALT: () => { if (!this.RECORDING_PHASE) this.expected('a file path in double quotes', kw); } },
    ]);
  });

  private systemRule = this.RULE('system', () => {
    const kw = this.CONSUME(T.System);
    let node!: SystemNode;
    if (!this.RECORDING_PHASE) {
      this.flushJunk();
      node = { kind: 'system', keyword: range(kw), members: [], range: range(kw) };
      this.file.systems.push(node);
      this.headerKw = kw;
    }
    this.SUBRULE(this.header);
    let last!: IToken;
    if (!this.RECORDING_PHASE) last = this.takeHeader(node);
    this.OR([
      {
        ALT: () => {
          const open = this.CONSUME(T.LCurly);
          if (!this.RECORDING_PHASE) this.containers.push(node.members);
          this.SUBRULE(this.members);
          if (!this.RECORDING_PHASE) {
            this.containers.pop();
            this.closeOpen = open;
            this.closeNode = node;
          }
          this.SUBRULE(this.close);
        },
      },
      { ALT: () => { if (!this.RECORDING_PHASE) this.expected("'{' to open the system", last); } },
    ]);
  });

  /** Name? Label? after `headerKw`; leaves them in headerName, headerLabel and headerLast. */
  private header = this.RULE('header', () => {
    if (!this.RECORDING_PHASE) {
      this.headerName = undefined;
      this.headerLabel = undefined;
      this.headerLast = this.headerKw;
      // `service users` is a misused reserved word; `service\n users shoppers` is a missing name.
      if (this.is(1, T.KindKeyword) && this.is(2, T.Name)) this.headerMissingName();
      else this.OR(this.headerNameAlternatives);
    } else this.OR(this.headerNameAlternatives);
    this.OPTION(this.headerLabelPart);
  });

  /** Copies the header just read into `node`, which then ends with it; returns its last token. */
  private takeHeader(node: SystemNode | ComponentNode | GroupNode): IToken {
    const last = this.headerLast;
    node.name = this.headerName;
    node.label = this.headerLabel;
    node.range.end = last.startOffset + last.image.length;
    return last;
  }

  private readonly headerMissingName = (): void => {
    if (this.RECORDING_PHASE) return;
    const kw = this.headerKw;
    this.expected(kw.tokenType === T.System ? 'a system name' : `a name for the ${kw.image}`, kw);
  };

  private readonly headerNameAlternatives = [
    {
      ALT: () => {
        const t = this.CONSUME(T.Name);
        if (!this.RECORDING_PHASE) {
          this.headerName = this.nameNode(t);
          this.headerLast = t;
        }
      },
    },
    {
      ALT: () => {
        const t = this.CONSUME(T.Keyword);
        if (!this.RECORDING_PHASE) {
          this.headerName = this.reserved(t);
          this.headerLast = t;
        }
      },
    },
    { ALT: this.headerMissingName },
  ];

  private readonly headerLabelPart = (): void => {
    const s = this.CONSUME(T.StringLiteral);
    if (!this.RECORDING_PHASE) {
      this.headerLabel = this.stringNode(s);
      this.headerLast = s;
    }
  };

  /** The closing '}' of the block `closeOpen` opened for `closeNode`; reports it missing. */
  private close = this.RULE('close', () => {
    this.OR(this.closeAlternatives);
  });

  private readonly closeAlternatives = [
    {
      ALT: () => {
        const t = this.CONSUME(T.RCurly);
        if (!this.RECORDING_PHASE) {
          this.flushJunk();
          const node = this.closeNode;
          node.body = { start: this.closeOpen.startOffset, end: t.startOffset + 1 };
          node.range.end = t.startOffset + 1;
        }
      },
    },
    {
      ALT: () => {
        if (this.RECORDING_PHASE) return;
        const open = this.closeOpen;
        const node = this.closeNode;
        this.flushJunk();
        this.error(`expected '}' to close ${owner(node)}: this '{' is never closed`, range(open));
        const end = this.LA(0);
        const endOffset = end && !Number.isNaN(end.startOffset) ? end.startOffset + end.image.length : open.startOffset + 1;
        node.body = { start: open.startOffset, end: endOffset };
        node.range.end = Math.max(node.range.end, endOffset);
      },
    },
  ];

  private members = this.RULE('members', () => {
    this.MANY(this.memberStep);
  });

  private readonly memberStep = (): void => {
    // `zone: x` written as a property is a property (reported as unknown by the model).
    if (!this.RECORDING_PHASE && (this.is(1, T.Zone) || this.is(1, T.Region)) && this.is(2, T.Colon)) this.SUBRULE(this.nameMember);
    else if (!this.RECORDING_PHASE && this.isArrow(1) && this.isTargetName(2)) {
      // `-> a`: an edge with no caller. One message, and `a` is not read as a flag.
      this.flushJunk();
      const arrow = this.LA(1);
      const named = arrow.startOffset === this.namedAt;
      const last = this.skipStrayEdge();
      // After "expected a name for the cache after 'cache', found '->'", skip it quietly.
      if (!named) this.error(`an edge starts with the component that calls: write 'caller ${arrow.image} ${this.text.slice(arrow.startOffset + 2, last.startOffset + last.image.length).trim()}'`, { start: arrow.startOffset, end: last.startOffset + last.image.length });
    } else this.OR(this.memberAlternatives);
  };

  private isArrow(offset: number): boolean {
    return this.is(offset, T.Arrow) || this.is(offset, T.AsyncArrow);
  }

  private isTargetName(offset: number): boolean {
    return this.is(offset, T.Name) || this.is(offset, T.Keyword);
  }

  /**
   * Skips a stray `-> b, c | d -> e` that cannot be read as an edge, up to the
   * end of its line; returns the last token skipped. Only outside the recording
   * phase: the grammar does not contain these tokens.
   */
  private skipStrayEdge(): IToken {
    let last = this.LA(1);
    this.SKIP_TOKEN();
    for (;;) {
      const next = this.LA(1);
      const continues = this.isArrow(1) || this.isTargetName(1) || this.is(1, T.Comma) || this.is(1, T.Pipe);
      if (!continues || !this.onOneLine(last, next)) return last;
      last = next;
      this.SKIP_TOKEN();
    }
  }

  private readonly memberAlternatives = [
    { ALT: () => this.CONSUME(T.Separator) },
    { ALT: () => this.SUBRULE(this.component) },
    { ALT: () => this.SUBRULE(this.group) },
    { ALT: () => this.SUBRULE(this.lint) },
    { ALT: () => this.SUBRULE(this.nameMember) },
    {
      ALT: () => {
        const t = this.CONSUME(T.MemberJunk);
        if (!this.RECORDING_PHASE) this.junk(t, 'expected a component, a zone or region, a property (key: value) or an edge (a -> b)');
      },
    },
  ];

  private component = this.RULE('component', () => {
    const kw = this.CONSUME(T.KindKeyword);
    let node!: ComponentNode;
    if (!this.RECORDING_PHASE) {
      node = { kind: 'component', type: this.nameNode(kw), properties: [], range: range(kw) };
      this.member(node);
      this.headerKw = kw;
    }
    this.SUBRULE(this.header);
    if (!this.RECORDING_PHASE) {
      const last = this.takeHeader(node);
      this.block = node;
      // `service a -> b`: a declaration and an edge in one statement.
      if (this.isArrow(1) && node.name && this.onOneLine(last, this.LA(1))) {
        const arrow = this.LA(1);
        const end = this.skipStrayEdge();
        const edgeEnd = end.startOffset + end.image.length;
        const edge = this.text.slice(arrow.startOffset, edgeEnd);
        const name = node.name.text;
        // The fix moves the edge to a line of its own, indented like the declaration.
        const lineStart = this.text.lastIndexOf('\n', kw.startOffset) + 1;
        const indent = /^[ \t]*/.exec(this.text.slice(lineStart, kw.startOffset))![0];
        const fix = { title: `Split into '${kw.image} ${name}' and '${name} ${edge}'`, edits: [{ range: { start: last.startOffset + last.image.length, end: edgeEnd }, newText: `\n${indent}${name} ${edge}` }] };
        this.error(`a declaration cannot also be an edge: declare '${name}' here and write '${name} ${edge}' on a line of its own`, { start: arrow.startOffset, end: edgeEnd }, fix);
      }
    }
    this.OPTION(this.propertyBlockPart);
  });

  /** `{ ... }` for `this.block`, set by the caller. */
  private readonly propertyBlockPart = (): void => {
    this.SUBRULE(this.propertyBlock);
  };

  private group = this.RULE('group', () => {
    const kw = this.OR(this.regionOrZone);
    let node!: GroupNode;
    if (!this.RECORDING_PHASE) {
      node = { kind: 'group', type: kw.image as 'region' | 'zone', keyword: range(kw), members: [], range: range(kw) };
      this.member(node);
      this.headerKw = kw;
    }
    this.SUBRULE(this.header);
    if (!this.RECORDING_PHASE) {
      this.takeHeader(node);
      this.groupNode = node;
    }
    if (this.RECORDING_PHASE || this.depth < MAX_GROUP_DEPTH) this.OPTION(this.groupBody);
    else if (this.is(1, T.LCurly)) {
      this.error(`groups are nested more than ${MAX_GROUP_DEPTH} deep; the rest is read as if it were not nested`, range(this.LA(1)));
    }
  });

  private readonly regionOrZone = [{ ALT: () => this.CONSUME(T.Region) }, { ALT: () => this.CONSUME(T.Zone) }];

  /** `{ members }` of `this.groupNode`, set by the caller. */
  private readonly groupBody = (): void => {
    const node = this.groupNode;
    const open = this.CONSUME(T.LCurly);
    if (!this.RECORDING_PHASE) {
      this.containers.push(node.members);
      this.depth++;
    }
    this.SUBRULE(this.members);
    if (!this.RECORDING_PHASE) {
      this.containers.pop();
      this.depth--;
      this.closeOpen = open;
      this.closeNode = node;
    }
    this.SUBRULE(this.close);
  };

  private lint = this.RULE('lint', () => {
    const kw = this.CONSUME(T.Lint);
    if (!this.RECORDING_PHASE) {
      const node: LintNode = { kind: 'lint', keyword: range(kw), properties: [], range: range(kw) };
      this.member(node);
      this.block = node;
      this.headerKw = kw;
    }
    this.OR(this.lintAlternatives);
  });

  private readonly lintAlternatives = [
    { ALT: () => this.SUBRULE(this.propertyBlock) },
    { ALT: () => { if (!this.RECORDING_PHASE) this.expected("'{' with 'code: severity' lines", this.headerKw); } },
  ];

  /** `{ Property* }` of `this.block` (a component, an edge or a lint block), set by the caller. */
  private propertyBlock = this.RULE('propertyBlock', () => {
    const open = this.CONSUME(T.LCurly);
    this.MANY(this.propertyStep);
    // Property blocks never nest, so the block being read can live on the parser.
    if (!this.RECORDING_PHASE) {
      this.closeOpen = open;
      this.closeNode = this.block;
    }
    this.SUBRULE(this.close);
  });

  private readonly propertyStep = (): void => {
    this.OR(this.propertyAlternatives);
  };

  // `zone` or `region` inside a property block is read as a key, so the model
  // can say "'zone' is not a property of a service; did you mean 'zones'?".
  private readonly propertyAlternatives = [
    { ALT: () => this.CONSUME(T.Separator) },
    {
      ALT: () => {
        const key = this.CONSUME(T.KeyToken);
        if (!this.RECORDING_PHASE) this.propKey = key;
        const prop = this.SUBRULE(this.propertyRest);
        if (!this.RECORDING_PHASE) {
          this.flushJunk();
          if (prop) this.block.properties = append(this.block.properties, prop);
        }
      },
    },
    {
      ALT: () => {
        const t = this.CONSUME(T.PropertyJunk);
        if (!this.RECORDING_PHASE) this.junk(t, `expected a property (key: value) inside ${owner(this.block)}`);
      },
    },
  ];

  /** A member that starts with a name: a property, a flag, or an edge. */
  private nameMember = this.RULE('nameMember', () => {
    const first = this.CONSUME(T.KeyToken);
    if (this.RECORDING_PHASE) this.OR1(this.nameMemberAlternatives);
    else {
      this.edgeFirst = first;
      if (this.is(1, T.Arrow) || this.is(1, T.AsyncArrow) || this.is(1, T.Pipe) || this.commaContinuesTargets()) this.SUBRULE(this.edgeRest);
      else this.memberProperty();
    }
  });

  private readonly memberProperty = (): void => {
    if (!this.RECORDING_PHASE) this.propKey = this.edgeFirst;
    const prop = this.SUBRULE(this.propertyRest);
    if (!this.RECORDING_PHASE) prop && this.member(prop);
  };

  private readonly nameMemberAlternatives = {
    IGNORE_AMBIGUITIES: true,
    DEF: [{ ALT: () => this.SUBRULE(this.edgeRest) }, { ALT: this.memberProperty }],
  };

  /**
   * After a key: `: value, value` or nothing (a flag). The caller sets `propKey`;
   * the property being read is `prop`.
   */
  private propertyRest = this.RULE('propertyRest', (): PropertyNode => {
    if (!this.RECORDING_PHASE) {
      const key = this.propKey;
      this.prop = { kind: 'property', key: this.nameNode(key), values: [], hasColon: false, range: range(key) };
    }
    // Two OPTIONs rather than an OR with an empty alternative: an empty alternative
    // here makes chevrotain drop the flag path from nameMember's lookahead, so a
    // flag at the end of a block (`system s { a }`) would not parse.
    this.OPTION(this.colonPart);
    // `replicas 3`: a number or string on the key's line with no ':' between is a
    // forgotten colon. Say so and keep the value, rather than reporting a stray
    // number and a flag that needs a value.
    if (this.RECORDING_PHASE) this.OPTION1(this.missingColonPart);
    else if (!this.prop.hasColon && this.missingColon(this.propKey)) this.missingColonPart();
    return this.prop;
  });

  private readonly colonPart = (): void => {
    const colon = this.CONSUME(T.Colon);
    if (this.RECORDING_PHASE) {
      this.OR(this.afterColon);
      return;
    }
    this.prop.hasColon = true;
    this.prop.range.end = colon.startOffset + 1;
    if (this.isValueStart()) this.SUBRULE(this.valueList);
    else this.expected(`a value for '${this.propKey.image}'`, colon);
  };

  private readonly afterColon = [
    { ALT: () => this.SUBRULE(this.valueList) },
    { ALT: () => undefined },
  ];

  private readonly missingColonPart = (): void => {
    if (!this.RECORDING_PHASE) {
      const key = this.propKey;
      const end = key.startOffset + key.image.length;
      this.expected("':'", key, this.LA(1), { title: `Add ':' after '${key.image}'`, edits: [{ range: { start: end, end }, newText: ':' }] });
    }
    this.SUBRULE1(this.valueList);
  };

  /** `value (, value)*`, where a `,` followed by `Key ':'` ends the list (docs/language.md §3). */
  private valueList = this.RULE('valueList', () => {
    this.SUBRULE(this.value);
    if (this.RECORDING_PHASE) this.MANY(this.moreValues);
    else while (this.is(1, T.Comma) && this.isValueStart(2) && !(this.isKey(2) && this.is(3, T.Colon))) this.moreValues();
  });

  private readonly moreValues = (): void => {
    this.CONSUME(T.Comma);
    this.SUBRULE1(this.value);
  };

  private missingColon(key: IToken): boolean {
    const next = this.LA(1);
    const isValue = tokenMatcher(next, T.NumberLiteral) || tokenMatcher(next, T.StringLiteral) || tokenMatcher(next, T.True) || tokenMatcher(next, T.False);
    return isValue && key !== undefined && this.onOneLine(key, next);
  }

  /** One value: a number (with `rps` after a space), a string, true/false or a name. */
  private value = this.RULE('value', () => {
    const t = this.CONSUME(T.ValueToken);
    if (this.RECORDING_PHASE) {
      this.OPTION(this.rateUnit);
      return;
    }
    // `2500 rps`, but not `6k` followed by a property `rps: ...` on the next line.
    const unit = tokenMatcher(t, T.NumberLiteral) && this.is(1, T.RateUnit) && !this.is(2, T.Colon) ? this.rateUnit() : undefined;
    this.pushValue(t, unit);
  });

  private readonly rateUnit = (): IToken => this.CONSUME(T.RateUnit);

  private pushValue(t: IToken, unit: IToken | undefined): void {
    const node = this.prop;
    const end = (unit ?? t).startOffset + (unit ?? t).image.length;
    if (tokenMatcher(t, T.NumberLiteral)) {
      const parsed = parseNumberLiteral(t.image);
      if (!parsed.ok) {
        const unit = parsed.unit;
        const fix = unit && { title: `Change to '${t.image.slice(0, unit.start)}${unit.suggestion}'`, edits: [{ range: { start: t.startOffset + unit.start, end: t.startOffset + t.image.length }, newText: unit.suggestion }] };
        this.error(parsed.message, range(t), fix, true);
        return;
      }
      if (unit && parsed.unit !== null) this.error(`'${t.image}' already has a unit; remove '${unit.image}'`, range(unit));
      const raw = unit ? `${t.image} ${unit.image}` : t.image;
      node.values = append(node.values, { type: 'number', value: parsed.value, unit: unit ? (unit.image as 'rps') : parsed.unit, raw, range: { start: t.startOffset, end } });
    } else if (tokenMatcher(t, T.StringLiteral)) {
      node.values = append(node.values, { type: 'string', value: this.stringNode(t).value, raw: t.image, range: range(t) });
    } else if (t.tokenType === T.True || t.tokenType === T.False) {
      node.values = append(node.values, { type: 'bool', value: t.image === 'true', raw: t.image, range: range(t) });
    } else {
      node.values = append(node.values, { type: 'name', value: t.image, raw: t.image, range: range(t) });
    }
    node.range.end = end;
  }

  /** After the first name of an edge (`edgeFirst`): `| b, c -> d ~> e "label" { ... }`. */
  private edgeRest = this.RULE('edgeRest', () => {
    if (!this.RECORDING_PHASE) {
      const first = this.edgeFirst;
      if (first.tokenType !== T.Name) this.reserved(first);
      const alt: AlternativesNode = { names: [this.nameNode(first)], range: range(first) };
      this.step = { groups: [alt], range: range(first) };
      this.edge = { kind: 'edge', steps: [this.step], arrows: [], properties: [], range: range(first) };
      this.member(this.edge);
    }
    this.SUBRULE(this.targetsRest);
    this.MANY(this.edgeStep);
    if (!this.RECORDING_PHASE) {
      if (this.edge.arrows.length === 0) this.expected("'->' or '~>'", this.LA(0) ?? this.edgeFirst);
    }
    this.OPTION(this.edgeLabel);
    if (!this.RECORDING_PHASE) this.block = this.edge;
    this.OPTION1(this.propertyBlockPart);
  });

  private readonly arrowAlternatives = [{ ALT: () => this.CONSUME(T.Arrow) }, { ALT: () => this.CONSUME(T.AsyncArrow) }];

  /** `-> targets` */
  private readonly edgeStep = (): void => {
    const arrow = this.OR(this.arrowAlternatives);
    if (this.RECORDING_PHASE) {
      this.OR1(this.edgeStepAlternatives);
      return;
    }
    const node = this.edge;
    node.arrows = append(node.arrows, { type: arrow.image as '->' | '~>', range: range(arrow) });
    node.range.end = arrow.startOffset + 2;
    if (this.is(1, T.Name) || this.is(1, T.Keyword)) this.edgeStepTarget();
    else {
      this.expected('the name of a component', arrow);
      // `a -> , b` or `a -> | b`: a stray separator; read on from the name after it.
      if ((this.is(1, T.Comma) || this.is(1, T.Pipe)) && this.isTargetName(2) && this.onOneLine(arrow, this.LA(2))) {
        this.SKIP_TOKEN();
        this.edgeStepTarget();
      }
    }
  };

  private readonly edgeStepTarget = (): void => {
    const t = this.RECORDING_PHASE ? this.OR2(this.nameOrKeyword1) : this.is(1, T.Name) ? this.CONSUME1(T.Name) : this.CONSUME1(T.Keyword);
    if (!this.RECORDING_PHASE) {
      const name = t.tokenType === T.Name ? this.nameNode(t) : this.reserved(t);
      this.step = { groups: [{ names: [name], range: range(t) }], range: range(t) };
      this.edge.steps = append(this.edge.steps, this.step);
      this.edge.range.end = name.range.end;
    }
    this.SUBRULE1(this.targetsRest);
  };

  private readonly edgeStepAlternatives = [{ ALT: this.edgeStepTarget }, { ALT: () => undefined }];
  private readonly nameOrKeyword1 = [{ ALT: () => this.CONSUME1(T.Name) }, { ALT: () => this.CONSUME1(T.Keyword) }];

  private readonly edgeLabel = (): void => {
    const s = this.CONSUME(T.StringLiteral);
    if (!this.RECORDING_PHASE) {
      this.edge.label = this.stringNode(s);
      this.edge.range.end = s.startOffset + s.image.length;
    }
  };

  /** `| b | c, d | e` after the first name of `this.step`, a Targets list of `this.edge`. */
  private targetsRest = this.RULE('targetsRest', () => {
    if (this.RECORDING_PHASE) this.MANY(this.targetStep);
    else while (this.is(1, T.Pipe) || this.commaContinuesTargets()) this.targetStep();
  });

  private readonly pipeOrComma = [{ ALT: () => this.CONSUME(T.Pipe) }, { ALT: () => this.CONSUME(T.Comma) }];
  private readonly nameOrKeyword = [{ ALT: () => this.CONSUME(T.Name) }, { ALT: () => this.CONSUME(T.Keyword) }];
  private readonly targetAlternatives = [{ ALT: () => this.OR2(this.nameOrKeyword) }, { ALT: () => undefined }];

  private readonly targetStep = (): void => {
    const sep = this.OR(this.pipeOrComma);
    if (this.RECORDING_PHASE) this.OR1(this.targetAlternatives);
    else if (this.is(1, T.Name) || (sep.tokenType === T.Pipe && this.is(1, T.Keyword))) this.targetName(sep);
    else this.expected('the name of a component', sep);
  };

  private targetName(sep: IToken): void {
    const t = this.is(1, T.Name) ? this.CONSUME(T.Name) : this.CONSUME(T.Keyword);
    const step = this.step;
    const name = t.tokenType === T.Name ? this.nameNode(t) : this.reserved(t);
    if (sep.tokenType === T.Pipe) {
      const last = step.groups[step.groups.length - 1];
      last.names = append(last.names, name);
    } else step.groups = append(step.groups, { names: [name], range: name.range });
    const group = step.groups[step.groups.length - 1];
    group.range.end = name.range.end;
    step.range.end = name.range.end;
    this.edge.range.end = name.range.end;
  }

  /** `, name` continues a targets list unless the name starts a property (`, key:`). */
  private commaContinuesTargets(): boolean {
    return this.is(1, T.Comma) && this.is(2, T.Name) && !this.is(3, T.Colon);
  }

  private isValueStart(offset = 1): boolean {
    const t = this.LA(offset);
    if (tokenMatcher(t, T.Name)) return !this.is(offset + 1, T.Colon);
    return tokenMatcher(t, T.NumberLiteral) || tokenMatcher(t, T.StringLiteral) || tokenMatcher(t, T.True) || tokenMatcher(t, T.False);
  }
}

/**
 * Appends to a list of the AST. Most lists hold one or two items, and a push
 * onto an array full to its length reserves 16 more slots: the first two
 * items make arrays of their exact size instead.
 */
function append<T>(list: T[], item: T): T[] {
  if (list.length === 0) return [item];
  if (list.length === 1) return [list[0], item];
  list.push(item);
  return list;
}

/** How messages name the owner of a block: `service 'api'`, `the edge`, ... */
function owner(node: SystemNode | ComponentNode | GroupNode | EdgeNode | LintNode): string {
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
