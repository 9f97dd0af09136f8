/**
 * Headers, block ends and properties (docs/language.md §3):
 *
 *   header        := (Name | Keyword)? String?
 *   close         := '}'?                       (reported when missing)
 *   propertyBlock := '{' (Separator | property | junk)* close
 *   property      := Key (':' values? | values)?      (values: rules/value-lists.ts)
 *
 * None of them is a chevrotain rule: each is a part of the rules that call it
 * (rules/base.ts, "Parts"), so a component's property block costs no rule
 * call. Their alternatives live in fields, created once.
 */
import type { IToken } from 'chevrotain';
import type { ComponentNode, EdgeNode, GroupNode, LintNode, PropertyNode, SystemNode } from '../ast';
import * as T from '../tokens';
import { PART } from './base';
import { append, type BlockNode, nameNode, owner, range, stringNode } from './nodes';
import { ValueRules } from './value-lists';

export abstract class PropertyRules extends ValueRules {
  /** Name? Label? after the keyword `kw` of `node`; the node then ends with them. */
  protected header(node: SystemNode | ComponentNode | GroupNode, kw: IToken): void {
    const name = this.taken(this.or(PART.header, this.headerNames));
    if (!name) this.expected(kw.tokenType === T.System ? 'a system name' : `a name for the ${kw.image}`, range(kw));
    node.name = name && this.nameOf(name);
    const label = this.taken(this.option(PART.header, this.headerLabel));
    node.label = label && stringNode(label);
    node.range.end = (label ?? name ?? kw).startOffset + (label ?? name ?? kw).image.length;
  }

  private readonly headerNames = [
    { ALT: (): IToken | undefined => this.consume(PART.header, T.Name) },
    // `service users` is a misused reserved word; `service\n users shoppers` is a missing name.
    { GATE: () => !(this.is(1, T.KindKeyword) && this.is(2, T.Name)), ALT: () => this.consume(PART.header, T.Keyword) },
    { ALT: () => undefined },
  ];

  private readonly headerLabel = (): IToken => this.consume(PART.header, T.StringLiteral);

  /** The closing '}' of the block `open` opened for `node`; reported when missing. */
  protected close(open: IToken, node: BlockNode): void {
    const brace = this.taken(this.or(PART.close, this.closeBrace));
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
  }

  private readonly closeBrace = [{ ALT: () => this.consume(PART.close, T.RCurly) }, { ALT: () => undefined }];

  /** `{ Property* }` of a component, an edge or a lint block. */
  protected propertyBlock(node: ComponentNode | EdgeNode | LintNode): void {
    const open = this.consume(PART.block, T.LCurly);
    this.many(PART.block, () => {
      const item = this.taken(this.or(PART.block, this.blockItem));
      if (item === undefined) return;
      if ('kind' in item) {
        this.flushJunk();
        node.properties = append(node.properties, item);
      } else this.junk(item, `expected a property (key: value) inside ${owner(node)}`);
    });
    this.close(open, node);
  }

  /**
   * One item of a property block: a separator (nothing), a property, or a
   * junk token for the block to report. Created once, not once per block.
   * `zone` or `region` inside a property block is read as a key, so the model
   * can say "'zone' is not a property of a service; did you mean 'zones'?".
   */
  private readonly blockItem = [
    { ALT: (): PropertyNode | IToken | undefined => void this.consume(PART.block, T.Separator) },
    { ALT: () => this.property() },
    { ALT: () => this.consume(PART.block, T.PropertyJunk) },
  ];

  /** `key`, `key: value, value`, or `key value` (a forgotten ':'). */
  protected property(): PropertyNode {
    const key = this.consume(PART.property, T.KeyToken);
    const prop: PropertyNode = { kind: 'property', key: nameNode(key), values: [], hasColon: false, range: range(key) };
    const colon = this.taken(this.option(PART.property, this.colon));
    if (colon) {
      prop.hasColon = true;
      prop.range.end = colon.startOffset + 1;
    }
    const values = this.taken(this.or(PART.property, this.valuesAfterKey));
    if (colon && !values) this.expected(`a value for '${key.image}'`, range(colon));
    if (values) {
      prop.values = values;
      if (values.length > 0) prop.range.end = values[values.length - 1].range.end;
    }
    return prop;
  }

  private readonly colon = (): IToken => this.consume(PART.property, T.Colon);
}
