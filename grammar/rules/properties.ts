/**
 * Headers, block ends and properties (docs/language.md §3):
 *
 *   header        := (Name | Keyword)? String?
 *   close         := '}'?                       (reported when missing)
 *   propertyBlock := '{' (Separator | property | junk)* close
 *   property      := Key (':' valueList? | valueList)?
 *   valueList     := value (',' value)*         (a ',' before `key:` ends it)
 *   value         := ValueToken RateUnit?
 *
 * These rules run once per line of a model: the alternatives that need no
 * argument live in fields, created once, and values are returned rather than
 * passed down.
 */
import { type IToken, tokenMatcher } from 'chevrotain';
import type { ComponentNode, EdgeNode, GroupNode, LintNode, PropertyNode, SystemNode, ValueNode } from '../ast';
import * as T from '../tokens';
import { parseNumberLiteral } from '../values';
import { GrammarBase } from './base';
import { append, type BlockNode, nameNode, owner, range, RECORDING_TOKEN, recordingNode, stringNode } from './nodes';

export abstract class PropertyRules extends GrammarBase {
  /** Name? Label? after the keyword `kw` of `node`; the node then ends with them. */
  protected header = this.RULE('header', (node: SystemNode | ComponentNode | GroupNode = recordingNode(), kw: IToken = RECORDING_TOKEN) => {
    const name = this.taken(this.OR(this.headerNames));
    if (!name) this.expected(kw.tokenType === T.System ? 'a system name' : `a name for the ${kw.image}`, range(kw));
    node.name = name && this.nameOf(name);
    const label = this.taken(this.OPTION(this.stringLiteral));
    node.label = label && stringNode(label);
    node.range.end = (label ?? name ?? kw).startOffset + (label ?? name ?? kw).image.length;
  });

  private readonly headerNames = [
    { ALT: (): IToken | undefined => this.CONSUME(T.Name) },
    // `service users` is a misused reserved word; `service\n users shoppers` is a missing name.
    { GATE: () => !(this.is(1, T.KindKeyword) && this.is(2, T.Name)), ALT: () => this.CONSUME(T.Keyword) },
    { ALT: () => undefined },
  ];

  protected readonly stringLiteral = (): IToken => this.CONSUME(T.StringLiteral);

  /** The closing '}' of the block `open` opened for `node`; reported when missing. */
  protected close = this.RULE('close', (open: IToken = RECORDING_TOKEN, node: BlockNode = recordingNode()) => {
    const brace = this.taken(this.OR(this.closeBrace));
    this.flushJunk();
    if (brace) {
      node.body = { start: open.startOffset, end: brace.startOffset + 1 };
      node.range.end = brace.startOffset + 1;
      return;
    }
    this.error(`expected '}' to close ${owner(node)}: this '{' is never closed`, range(open));
    const end = this.LA(0);
    const endOffset = end && !Number.isNaN(end.startOffset) ? end.startOffset + end.image.length : open.startOffset + 1;
    node.body = { start: open.startOffset, end: endOffset };
    node.range.end = Math.max(node.range.end, endOffset);
  });

  private readonly closeBrace = [{ ALT: () => this.CONSUME(T.RCurly) }, { ALT: () => undefined }];

  /** `{ Property* }` of a component, an edge or a lint block. */
  protected propertyBlock = this.RULE('propertyBlock', (node: ComponentNode | EdgeNode | LintNode = recordingNode()) => {
    const open = this.CONSUME(T.LCurly);
    this.MANY(() => {
      const item = this.taken(this.OR(this.blockItem));
      if (item === undefined) return;
      if ('kind' in item) {
        this.flushJunk();
        node.properties = append(node.properties, item);
      } else this.junk(item, `expected a property (key: value) inside ${owner(node)}`);
    });
    this.SUBRULE(this.close, { ARGS: [open, node] });
  });

  /**
   * One item of a property block: a separator (nothing), a property, or a
   * junk token for the block to report. Created once, not once per block.
   * `zone` or `region` inside a property block is read as a key, so the model
   * can say "'zone' is not a property of a service; did you mean 'zones'?".
   */
  private readonly blockItem = [
    { ALT: (): PropertyNode | IToken | undefined => void this.CONSUME(T.Separator) },
    { ALT: () => this.SUBRULE(this.property) },
    { ALT: () => this.CONSUME(T.PropertyJunk) },
  ];

  /** `key`, `key: value, value`, or `key value` (a forgotten ':'). */
  protected property = this.RULE('property', (): PropertyNode => {
    const key = this.CONSUME(T.KeyToken);
    const prop: PropertyNode = { kind: 'property', key: nameNode(key), values: [], hasColon: false, range: range(key) };
    const colon = this.taken(this.OPTION(this.colon));
    if (colon) {
      prop.hasColon = true;
      prop.range.end = colon.startOffset + 1;
    }
    const values = this.taken(this.OR1(this.valuesAfterKey));
    if (colon && !values) this.expected(`a value for '${key.image}'`, range(colon));
    if (values) {
      prop.values = values;
      if (values.length > 0) prop.range.end = values[values.length - 1].range.end;
    }
    return prop;
  });

  private readonly colon = (): IToken => this.CONSUME(T.Colon);

  private readonly valuesAfterKey = [
    { GATE: () => (this.is(0, T.Colon) ? this.isValueStart() : this.missingColon(this.LA(0))), ALT: () => this.valuesAfter(this.LA(0)) },
    { ALT: () => undefined },
  ];

  /**
   * The values after `key` or its ':'. `replicas 3`: a number or string on the
   * key's line with no ':' between is a forgotten colon. Say so and keep the
   * value, rather than reporting a stray number and a flag that needs a value.
   */
  private valuesAfter(key: IToken): ValueNode[] {
    if (!tokenMatcher(key, T.Colon)) {
      const end = key.startOffset + key.image.length;
      this.expected("':'", range(key), this.LA(1), { title: `Add ':' after '${key.image}'`, edits: [{ range: { start: end, end }, newText: ':' }] });
    }
    return this.SUBRULE(this.valueList);
  }

  private missingColon(key: IToken): boolean {
    const next = this.LA(1);
    const isValue = tokenMatcher(next, T.NumberLiteral) || tokenMatcher(next, T.StringLiteral) || tokenMatcher(next, T.True) || tokenMatcher(next, T.False);
    return isValue && this.onOneLine(key.startOffset + key.image.length, next);
  }

  /** `value (, value)*`, where a `,` followed by `Key ':'` ends the list (docs/language.md §3). */
  protected valueList = this.RULE('valueList', (): ValueNode[] => {
    const first = this.SUBRULE(this.value);
    let values: ValueNode[] = first ? [first] : [];
    // Each round reads `, value` or nothing; a round that reads nothing ends the list.
    this.MANY(() => {
      const next = this.taken(this.OR(this.nextValue));
      if (next) values = append(values, next);
    });
    return values;
  });

  /**
   * `, value` when another value follows, else nothing. A gate on the MANY
   * itself would make chevrotain 11 build a closure on every list; an OR's
   * gates cost nothing (rules/lookahead.ts).
   */
  private readonly nextValue = [
    {
      GATE: (): boolean => this.anotherValue(),
      ALT: (): ValueNode | undefined => {
        this.CONSUME(T.Comma);
        return this.SUBRULE1(this.value);
      },
    },
    { ALT: () => undefined },
  ];

  private readonly anotherValue = (): boolean =>
    this.is(1, T.Comma) && this.isValueStart(2) && !((this.is(2, T.Name) || this.is(2, T.RateUnit)) && this.is(3, T.Colon));

  /** One value: a number (with `rps` after a space), a string, true/false or a name; nothing for a bad number. */
  protected value = this.RULE('value', (): ValueNode | undefined => {
    const t = this.CONSUME(T.ValueToken);
    const unit = this.taken(this.OR(this.rateUnit));
    return this.valueNode(t, unit);
  });

  private readonly rateUnit = [
    // `2500 rps`, but not `6k` followed by a property `rps: ...` on the next line.
    { GATE: () => this.is(0, T.NumberLiteral) && this.is(1, T.RateUnit) && !this.is(2, T.Colon), ALT: () => this.CONSUME(T.RateUnit) },
    { ALT: () => undefined },
  ];

  private valueNode(t: IToken, unit: IToken | undefined): ValueNode | undefined {
    if (tokenMatcher(t, T.NumberLiteral)) {
      const parsed = parseNumberLiteral(t.image);
      if (!parsed.ok) {
        const bad = parsed.unit;
        const fix = bad && { title: `Change to '${t.image.slice(0, bad.start)}${bad.suggestion}'`, edits: [{ range: { start: t.startOffset + bad.start, end: t.startOffset + t.image.length }, newText: bad.suggestion }] };
        this.error(parsed.message, range(t), fix, true);
        return undefined;
      }
      if (unit && parsed.unit !== null) this.error(`'${t.image}' already has a unit; remove '${unit.image}'`, range(unit));
      const raw = unit ? `${t.image} ${unit.image}` : t.image;
      const end = (unit ?? t).startOffset + (unit ?? t).image.length;
      return { type: 'number', value: parsed.value, unit: unit ? (unit.image as 'rps') : parsed.unit, raw, range: { start: t.startOffset, end } };
    }
    if (tokenMatcher(t, T.StringLiteral)) return { type: 'string', value: stringNode(t).value, raw: t.image, range: range(t) };
    if (t.tokenType === T.True || t.tokenType === T.False) return { type: 'bool', value: t.image === 'true', raw: t.image, range: range(t) };
    return { type: 'name', value: t.image, raw: t.image, range: range(t) };
  }
}
