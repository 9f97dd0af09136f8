/**
 * Edges (docs/language.md §3):
 *
 *   edge     := Key targets (arrow step)* String? propertyBlock?
 *   step     := (Name | Keyword) targets     (a stray ',' or '|' before it is skipped)
 *   targets  := (('|' | ',') (Name | Keyword)?)*   (a ',' before `key:` ends it)
 *   stray    := arrow (arrow | Name | Keyword | ',' | '|')*   (on one line)
 *
 * No part of an edge can fail to match (every choice has an empty
 * alternative), so the edge is returned whole and its caller adds it.
 */
import type { IToken } from 'chevrotain';
import type { EdgeNode, TargetsNode } from '../ast';
import * as T from '../tokens';
import { append, range, recordingNode, stringNode } from './nodes';
import { PropertyRules } from './properties';

export abstract class EdgeRules extends PropertyRules {
  /** `a | b, c -> d ~> e "label" { ... }`. */
  protected edge = this.RULE('edge', (): EdgeNode => {
    const first = this.CONSUME(T.KeyToken);
    const name = this.nameOf(first);
    const step: TargetsNode = { groups: [{ names: [name], range: range(first) }], range: range(first) };
    const edge: EdgeNode = { kind: 'edge', steps: [step], arrows: [], properties: [], range: range(first) };
    const args: { ARGS: [EdgeNode] } = { ARGS: [edge] };
    this.SUBRULE(this.targets, args);
    this.MANY(() => this.SUBRULE(this.edgeStep, args));
    if (edge.arrows.length === 0) this.expected("'->' or '~>'", range(this.LA(0) ?? first));
    const label = this.taken(this.OPTION(this.stringLiteral));
    if (label) {
      edge.label = stringNode(label);
      edge.range.end = label.startOffset + label.image.length;
    }
    this.OPTION1(() => this.SUBRULE(this.propertyBlock, args));
    return edge;
  });

  /** `-> b | c, d` of `edge`: an arrow and the next step. */
  private edgeStep = this.RULE('edgeStep', (edge: EdgeNode = recordingNode()) => {
    const arrow = this.CONSUME(T.EdgeArrow);
    edge.arrows = append(edge.arrows, { type: arrow.image as '->' | '~>', range: range(arrow) });
    edge.range.end = arrow.startOffset + 2;
    const t = this.taken(this.OR1(this.stepName));
    if (!t) return;
    const name = this.nameOf(t);
    edge.steps = append(edge.steps, { groups: [{ names: [name], range: range(t) }], range: range(t) });
    edge.range.end = name.range.end;
    this.SUBRULE1(this.targets, { ARGS: [edge] });
  });

  private readonly stepName = [
    { ALT: (): IToken | undefined => this.CONSUME1(T.Name) },
    { ALT: () => this.CONSUME1(T.Keyword) },
    {
      // `a -> , b` or `a -> | b`: a stray separator; read on from the name after it.
      GATE: () => (this.is(1, T.Comma) || this.is(1, T.Pipe)) && this.isTargetName(2) && this.onOneLine(this.LA(0).startOffset + this.LA(0).image.length, this.LA(2)),
      ALT: () => {
        this.expected('the name of a component', range(this.LA(0)));
        this.OR2(this.pipeOrComma);
        return this.OR3(this.nameOrKeyword);
      },
    },
    { ALT: () => this.expected('the name of a component', range(this.LA(0))) },
  ];

  /** `| b | c, d | e` after the first name of the last step of `edge`. */
  private targets = this.RULE('targets', (edge: EdgeNode = recordingNode()) => {
    this.MANY({
      GATE: this.targetFollows,
      DEF: () => {
        const sep = this.OR(this.pipeOrComma);
        const t = this.taken(this.OR1(this.targetName));
        if (t) addTarget(edge, sep, this.nameOf(t));
      },
    });
  });

  private readonly targetFollows = (): boolean => this.is(1, T.Pipe) || this.commaContinuesTargets();
  private readonly pipeOrComma = [{ ALT: () => this.CONSUME(T.Pipe) }, { ALT: () => this.CONSUME(T.Comma) }];
  protected readonly nameOrKeyword = [{ ALT: () => this.CONSUME(T.Name) }, { ALT: () => this.CONSUME(T.Keyword) }];

  private readonly targetName = [
    // A reserved word after '|' is a misused name; after ',' it starts something else.
    { GATE: () => this.is(1, T.Name) || (this.is(0, T.Pipe) && this.is(1, T.Keyword)), ALT: (): IToken | undefined => this.OR2(this.nameOrKeyword) },
    { ALT: () => this.expected('the name of a component', range(this.LA(0))) },
  ];

  /**
   * Skips a stray `-> b, c | d -> e` that cannot be read as an edge, up to the
   * end of its line; the caller reports it, up to `LA(0)`.
   */
  protected strayEdge = this.RULE('strayEdge', () => {
    this.CONSUME(T.EdgeArrow);
    this.SUBRULE(this.strayRest);
  });

  /** The rest of a stray edge: what may follow an arrow on its line. */
  protected strayRest = this.RULE('strayRest', () => {
    this.MANY({ GATE: this.strayContinues, DEF: () => this.OR(this.strayTokens) });
  });

  private readonly strayContinues = (): boolean => this.onOneLine(this.LA(0).startOffset + this.LA(0).image.length, this.LA(1));

  private readonly strayTokens = [
    { ALT: () => this.CONSUME1(T.EdgeArrow) },
    { ALT: () => this.CONSUME(T.Name) },
    { ALT: () => this.CONSUME(T.Keyword) },
    { ALT: () => this.CONSUME(T.Comma) },
    { ALT: () => this.CONSUME(T.Pipe) },
  ];
}

/** Adds a target after `sep` to the last step: `|` joins the last group, `,` starts a group. */
function addTarget(edge: EdgeNode, sep: IToken, name: EdgeNode['steps'][number]['groups'][number]['names'][number]): void {
  const step = edge.steps[edge.steps.length - 1];
  if (sep.tokenType === T.Pipe) {
    const last = step.groups[step.groups.length - 1];
    last.names = append(last.names, name);
  } else step.groups = append(step.groups, { names: [name], range: name.range });
  const group = step.groups[step.groups.length - 1];
  group.range.end = name.range.end;
  step.range.end = name.range.end;
  edge.range.end = name.range.end;
}
