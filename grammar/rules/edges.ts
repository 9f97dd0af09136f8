/**
 * Edges (docs/language.md §3):
 *
 *   edge     := Key targets (arrow step)* String? propertyBlock?
 *   step     := (Name | Keyword) targets     (a stray ',' or '|' before it is skipped)
 *   targets  := (('|' | ',') (Name | Keyword)?)*   (a ',' before `key:` ends it; none after a step with no name)
 *   stray    := arrow (arrow | Name | Keyword | ',' | '|')*   (on one line)
 *
 * No part of an edge can fail to match (every choice has an empty
 * alternative), so the edge is returned whole and its caller adds it.
 */
import type { IToken } from 'chevrotain';
import type { EdgeNode, TargetsNode } from '../ast';
import * as T from '../tokens';
import { append, range, recordingNode, stringNode } from './nodes';
import { PART } from './base';
import { chosen } from './lookahead';
import { PropertyRules } from './properties';

export abstract class EdgeRules extends PropertyRules {
  /** `a | b, c -> d ~> e "label" { ... }`. */
  protected edge = this.RULE('edge', (): EdgeNode => {
    const first = this.CONSUME(T.KeyToken);
    const name = this.nameOf(first);
    const step: TargetsNode = { groups: [{ names: [name], range: range(first) }], range: range(first) };
    const edge: EdgeNode = { kind: 'edge', steps: [step], arrows: [], properties: [], range: range(first) };
    this.targets(edge);
    this.MANY(() => this.SUBRULE(this.edgeStep, { ARGS: [edge] }));
    if (edge.arrows.length === 0) this.expected("'->' or '~>'", range(this.LA(0) ?? first));
    const label = this.taken(this.OPTION(this.edgeLabel));
    if (label) {
      edge.label = stringNode(label);
      edge.range.end = label.startOffset + label.image.length;
    }
    this.OPTION1(() => this.propertyBlock(edge));
    return edge;
  });

  private readonly edgeLabel = (): IToken => this.CONSUME(T.StringLiteral);

  /** `-> b | c, d` of `edge`: an arrow and the next step. */
  private edgeStep = this.RULE('edgeStep', (edge: EdgeNode = recordingNode()) => {
    const arrow = this.CONSUME(T.EdgeArrow);
    edge.arrows = append(edge.arrows, { type: arrow.image as '->' | '~>', range: range(arrow) });
    edge.range.end = arrow.startOffset + 2;
    const t = this.taken(this.OR1(this.stepName));
    if (t) {
      const name = this.nameOf(t);
      edge.steps = append(edge.steps, { groups: [{ names: [name], range: range(t) }], range: range(t) });
      edge.range.end = name.range.end;
    }
    this.targets(edge);
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

  /**
   * `| b | c, d | e` after the first name of the last step of `edge`. Each
   * round reads one target, or nothing, which ends the list.
   */
  private targets(edge: EdgeNode): void {
    this.many(PART.targets, () => {
      const sep = this.taken(this.or(PART.targets, this.target));
      // The round read a name after its separator unless it stopped at the separator.
      const last = this.LA(0);
      if (sep && last !== sep) addTarget(edge, sep, this.nameOf(last));
    });
  }

  /**
   * One target and its separator, which it returns; nothing when no target
   * follows, or when the step has no first name (its arrow was read last:
   * `a -> | b` on two lines). A reserved word after '|' is a misused name;
   * after ',' it starts something else, and the ',' has no name after it.
   */
  private readonly target = chosen(
    [
      {
        ALT: (): IToken | undefined => {
          const sep = this.consume(PART.targets, T.TargetSeparator);
          this.consume(PART.targets, T.Name);
          return sep;
        },
      },
      {
        ALT: () => {
          const sep = this.consume(PART.reservedTarget, T.Pipe);
          this.consume(PART.reservedTarget, T.Keyword);
          return sep;
        },
      },
      {
        ALT: () => {
          const sep = this.consume(PART.missingTarget, T.TargetSeparator);
          this.expected('the name of a component', range(sep));
          return sep;
        },
      },
      { ALT: () => undefined },
    ],
    () => {
      if (this.isArrow(0) || !(this.is(1, T.Pipe) || this.commaContinuesTargets())) return 3;
      return this.is(2, T.Name) ? 0 : this.is(1, T.Pipe) && this.is(2, T.Keyword) ? 1 : 2;
    },
  );

  private readonly pipeOrComma = [{ ALT: () => this.CONSUME(T.Pipe) }, { ALT: () => this.CONSUME(T.Comma) }];
  private readonly nameOrKeyword = [{ ALT: () => this.CONSUME(T.Name) }, { ALT: () => this.CONSUME(T.Keyword) }];

  /**
   * Skips a stray `-> b, c | d -> e` that cannot be read as an edge, up to the
   * end of its line; the caller reports it, up to `LA(0)`.
   */
  protected strayEdge = this.RULE('strayEdge', () => {
    this.CONSUME(T.EdgeArrow);
    this.SUBRULE(this.strayRest);
  });

  /** The rest of a stray edge: what may follow an arrow on its line, a token a round. */
  protected strayRest = this.RULE('strayRest', () => {
    this.MANY(() => this.OR(this.strayToken));
  });

  /** An arrow, a name, a reserved word, ',' or '|' on the line so far; else nothing, which ends the rest. */
  private readonly strayToken = chosen(
    [
      { ALT: (): IToken | undefined => this.CONSUME1(T.EdgeArrow) },
      { ALT: () => this.CONSUME(T.Name) },
      { ALT: () => this.CONSUME(T.Keyword) },
      { ALT: () => this.CONSUME(T.Comma) },
      { ALT: () => this.CONSUME(T.Pipe) },
      { ALT: () => undefined },
    ],
    () => {
      if (!this.onOneLine(this.LA(0).startOffset + this.LA(0).image.length, this.LA(1))) return 5;
      const next = [T.EdgeArrow, T.Name, T.Keyword, T.Comma, T.Pipe].findIndex((type) => this.is(1, type));
      return next < 0 ? 5 : next;
    },
  );
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
