/**
 * The members of a system, region or zone (docs/language.md §3):
 *
 *   members   := (declarationEdge | stray | Separator | component | group | lint | nameMember | junk)*
 *   nameMember := edge | property
 *   component := KindKeyword header propertyBlock?
 *   declarationEdge := stray propertyBlock?   (on the line of a named component's header, right after it)
 *   group     := ('region' | 'zone') header ('{' members close)?
 *   lint      := 'lint' propertyBlock
 *
 * Each member is pushed into its container when its first token is read, so
 * a statement cut short by recovery still appears in the AST with the range
 * it reached.
 */
import type { ComponentNode, GroupNode, LintNode, MemberNode } from '../ast';
import * as T from '../tokens';
import { EdgeRules } from './edges';
import { headerEnd, range, recordingNode } from './nodes';

/** Groups nested deeper than this are parsed flat, so no input can exhaust the stack. */
export const MAX_GROUP_DEPTH = 64;

export abstract class MemberRules extends EdgeRules {
  /** The members of a block, pushed into `list`; `depth` counts the groups around them. */
  protected members = this.RULE('members', (list: MemberNode[] = [], depth = 0) => {
    const inList: { ARGS: [MemberNode[]] } = { ARGS: [list] };
    const inGroup: { ARGS: [MemberNode[], number] } = { ARGS: [list, depth] };
    const alternatives = [
      // `service a -> b`: a declaration and an edge in one statement.
      { GATE: () => this.declarationEdgeAhead(list), ALT: () => this.SUBRULE(this.declarationEdge, { ARGS: [list[list.length - 1] as ComponentNode] }) },
      // `-> a`: an edge with no caller. One message, and `a` is not read as a flag.
      { GATE: () => this.isTargetName(2), ALT: () => this.SUBRULE(this.callerlessEdge) },
      { ALT: () => this.CONSUME(T.Separator) },
      { ALT: () => this.SUBRULE(this.component, inList) },
      // `zone: x` is a property (reported as unknown by the model): two tokens of lookahead tell it from a group.
      { ALT: () => this.SUBRULE(this.group, inGroup) },
      { ALT: () => this.SUBRULE(this.lint, inList) },
      { ALT: () => this.addMember(list, this.SUBRULE(this.nameMember)) },
      { ALT: () => this.junk(this.CONSUME(T.MemberJunk), 'expected a component, a zone or region, a property (key: value) or an edge (a -> b)') },
    ];
    this.MANY(() => this.OR(alternatives));
  });

  /** After a key: an arrow, a `|`, or a `,` that continues a targets list. */
  private readonly edgeAhead = (): boolean => this.isArrow(2) || this.is(2, T.Pipe) || this.commaContinuesTargets(2);

  private addMember(list: MemberNode[], member: MemberNode | undefined): void {
    if (!member) return;
    this.flushJunk();
    list.push(member);
  }

  /** A member that starts with a name: an edge, or a property (a flag when nothing follows). */
  private nameMember = this.RULE('nameMember', (): MemberNode => this.OR(this.nameMemberAlternatives));

  private readonly nameMemberAlternatives = {
    MAX_LOOKAHEAD: 1,
    DEF: [
      { GATE: this.edgeAhead, ALT: (): MemberNode => this.SUBRULE(this.edge) },
      { ALT: (): MemberNode => this.property() },
    ],
  };

  /**
   * `-> a, b`: an arrow before a name, skipped up to the end of its line; an
   * arrow before anything else is junk.
   */
  private callerlessEdge = this.RULE('callerlessEdge', () => {
    const arrow = this.LA(1);
    this.flushJunk();
    this.SUBRULE(this.strayEdge);
    const last = this.LA(0);
    const end = last.startOffset + last.image.length;
    // After "expected a name for the cache after 'cache', found '->'", skip it quietly.
    if (this.wasNamed(arrow)) return;
    this.error(`an edge starts with the component that calls: write 'caller ${arrow.image} ${this.text.slice(arrow.startOffset + 2, end).trim()}'`, { start: arrow.startOffset, end });
  });

  private component = this.RULE('component', (list: MemberNode[] = []) => {
    const kw = this.CONSUME(T.KindKeyword);
    const node: ComponentNode = { kind: 'component', type: { text: kw.image, range: range(kw) }, properties: [], range: range(kw) };
    this.flushJunk();
    list.push(node);
    this.header(node, kw);
    this.OPTION(() => this.propertyBlock(node));
  });

  /**
   * An arrow right after the header of the component just read, on its line,
   * when the component has a name: `service a -> b`. Only its header: a block
   * or anything else after it makes the arrow start an edge without a caller.
   */
  private declarationEdgeAhead(list: MemberNode[]): boolean {
    const last = list[list.length - 1];
    if (last?.kind !== 'component' || last.name === undefined || !this.isArrow(1)) return false;
    const header = headerEnd(last).end;
    const read = this.LA(0);
    return read.startOffset + read.image.length === header && this.onOneLine(header, this.LA(1));
  }

  /**
   * The edge after `service a`: skipped, with a fix that moves it to a line
   * of its own. A property block after it is the component's.
   */
  private declarationEdge = this.RULE('declarationEdge', (node: ComponentNode = recordingNode()) => {
    const arrow = this.LA(1);
    const last = headerEnd(node);
    this.SUBRULE(this.strayEdge);
    const edgeEnd = this.LA(0).startOffset + this.LA(0).image.length;
    const edge = this.text.slice(arrow.startOffset, edgeEnd);
    const name = node.name?.text;
    const kw = node.type;
    // The fix moves the edge to a line of its own, indented like the declaration.
    const lineStart = this.text.lastIndexOf('\n', kw.range.start) + 1;
    const indent = /^[ \t]*/.exec(this.text.slice(lineStart, kw.range.start))![0];
    const fix = { title: `Split into '${kw.text} ${name}' and '${name} ${edge}'`, edits: [{ range: { start: last.end, end: edgeEnd }, newText: `\n${indent}${name} ${edge}` }] };
    this.error(`a declaration cannot also be an edge: declare '${name}' here and write '${name} ${edge}' on a line of its own`, { start: arrow.startOffset, end: edgeEnd }, fix);
    this.OPTION(() => this.propertyBlock(node));
  });

  private group = this.RULE('group', (list: MemberNode[] = [], depth = 0) => {
    const kw = this.CONSUME(T.GroupKeyword);
    const node: GroupNode = { kind: 'group', type: kw.image as 'region' | 'zone', keyword: range(kw), members: [], range: range(kw) };
    this.flushJunk();
    list.push(node);
    this.header(node, kw);
    this.OPTION({
      GATE: () => depth < MAX_GROUP_DEPTH,
      DEF: () => {
        const open = this.CONSUME(T.LCurly);
        this.SUBRULE(this.members, { ARGS: [node.members, depth + 1] });
        this.close(open, node);
      },
    });
    if (depth >= MAX_GROUP_DEPTH && this.is(1, T.LCurly)) {
      this.error(`groups are nested more than ${MAX_GROUP_DEPTH} deep; the rest is read as if it were not nested`, range(this.LA(1)));
    }
  });

  private lint = this.RULE('lint', (list: MemberNode[] = []) => {
    const kw = this.CONSUME(T.Lint);
    const node: LintNode = { kind: 'lint', keyword: range(kw), properties: [], range: range(kw) };
    this.flushJunk();
    list.push(node);
    this.OR([
      { ALT: () => this.propertyBlock(node) },
      { ALT: () => this.expected("'{' with 'code: severity' lines", range(kw)) },
    ]);
  });
}
