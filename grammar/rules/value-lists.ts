/**
 * The values after a property's key (docs/language.md §3):
 *
 *   values    := valueList                   (after ':', or on the key's line: a forgotten ':')
 *   valueList := value (',' value)*          (a ',' before `key:` ends it)
 *   value     := ValueToken RateUnit?        (the unit only after a number, not before ':')
 *
 * Parts of the rule that reads the property (rules/base.ts, "Parts"); they
 * return the values they read.
 */
import { type IToken, tokenMatcher } from 'chevrotain';
import type { ValueNode } from '../ast';
import * as T from '../tokens';
import { parseNumberLiteral } from '../values';
import { GrammarBase, isLiteral, PART } from './base';
import { chosen } from './lookahead';
import { append, range, stringNode } from './nodes';

export abstract class ValueRules extends GrammarBase {
  /**
   * What follows the key (and its ':') when values do. The shapes a model has
   * most, one value with or without a unit, are read by alternatives of their
   * own, which take no loop and no further choice; any other list by
   * valueList. (Each choice costs chevrotain about as much as reading a
   * token, and a model has a few properties per line.)
   */
  protected readonly valuesAfterKey = chosen(
    [
      { ALT: (): ValueNode[] | undefined => this.loneValueWithUnit(this.LA(0)) },
      { ALT: () => this.loneValue(this.LA(0)) },
      { ALT: () => this.valuesAfter(this.LA(0)) },
      { ALT: () => undefined },
    ],
    () => {
      if (!this.valuesFollow()) return 3;
      if (this.unitAt(2)) return this.anotherValueAt(3) ? 2 : 0;
      return this.anotherValueAt(2) ? 2 : 1;
    },
  );

  /** After a key or its ':' (`LA(0)`): a value after the ':', or one that a forgotten ':' left on the key's line. */
  private valuesFollow(): boolean {
    return this.is(0, T.Colon) ? this.isValueStart() : this.missingColon(this.LA(0));
  }

  private missingColon(key: IToken): boolean {
    const next = this.LA(1);
    return isLiteral(next) && this.onOneLine(key.startOffset + key.image.length, next);
  }

  /**
   * `replicas 3`: a number or string on the key's line with no ':' between is
   * a forgotten colon. Say so and keep the value, rather than reporting a
   * stray number and a flag that needs a value.
   */
  private colonForgotten(key: IToken): void {
    if (tokenMatcher(key, T.Colon)) return;
    const end = key.startOffset + key.image.length;
    this.expected("':'", range(key), this.LA(1), { title: `Add ':' after '${key.image}'`, edits: [{ range: { start: end, end }, newText: ':' }] });
  }

  /** `replicas: 2`: one value and nothing after it. */
  private loneValue(key: IToken): ValueNode[] {
    this.colonForgotten(key);
    const value = this.valueNode(this.consume(PART.loneValue, T.ValueToken), undefined);
    return value ? [value] : [];
  }

  /** `capacity: 50k rps`: one number and its unit, and nothing after them. */
  private loneValueWithUnit(key: IToken): ValueNode[] {
    this.colonForgotten(key);
    const t = this.consume(PART.valueWithUnit, T.ValueToken);
    const value = this.valueNode(t, this.consume(PART.valueWithUnit, T.RateUnit));
    return value ? [value] : [];
  }

  /** The values after `key` or its ':'. */
  private valuesAfter(key: IToken): ValueNode[] {
    this.colonForgotten(key);
    return this.valueList();
  }

  /** `value (, value)*`, where a `,` followed by `Key ':'` ends the list (docs/language.md §3). */
  private valueList(): ValueNode[] {
    const first = this.value();
    let values: ValueNode[] = first ? [first] : [];
    // Each round reads `, value` or nothing; a round that reads nothing ends the list.
    this.many(PART.nextValue, () => {
      const next = this.taken(this.or(PART.nextValue, this.nextValue));
      if (next) values = append(values, next);
    });
    return values;
  }

  /** `, value`, `, number unit`, or nothing when no value follows. */
  private readonly nextValue = chosen(
    [
      {
        ALT: (): ValueNode | undefined => {
          this.consume(PART.nextValue, T.Comma);
          const t = this.consume(PART.nextValue, T.ValueToken);
          return this.valueNode(t, this.consume(PART.nextValue, T.RateUnit));
        },
      },
      {
        ALT: () => {
          this.consume(PART.followingValue, T.Comma);
          return this.valueNode(this.consume(PART.followingValue, T.ValueToken), undefined);
        },
      },
      { ALT: () => undefined },
    ],
    () => (!this.anotherValueAt(1) ? 2 : this.unitAt(3) ? 0 : 1),
  );

  /** `, value` at `offset`: a comma and a value that is not the next key (`, key:`). */
  private anotherValueAt(offset: number): boolean {
    return this.is(offset, T.Comma) && this.isValueStart(offset + 1) && !((this.is(offset + 1, T.Name) || this.is(offset + 1, T.RateUnit)) && this.is(offset + 2, T.Colon));
  }

  /** A rate unit at `offset` after a number: `2500 rps`, but not `6k` followed by a property `rps: ...` on the next line. */
  private unitAt(offset: number): boolean {
    return this.is(offset - 1, T.NumberLiteral) && this.is(offset, T.RateUnit) && !this.is(offset + 1, T.Colon);
  }

  /** The first value of a list: a number (with `rps` after a space), a string, true/false or a name; nothing for a bad number. */
  private value(): ValueNode | undefined {
    const t = this.consume(PART.firstValue, T.ValueToken);
    return this.valueNode(t, this.taken(this.or(PART.firstValue, this.rateUnit)));
  }

  private readonly rateUnit = chosen([{ ALT: (): IToken | undefined => this.consume(PART.firstValue, T.RateUnit) }, { ALT: () => undefined }], () => (this.unitAt(1) ? 0 : 1));

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
