/**
 * What every grammar rule shares: the one chevrotain parser underneath, the
 * diagnostics of the parse, and the token tests that semantic gates ask.
 *
 * The parse-wide state is small and lives here: the text (tokens carry
 * offsets only, so line questions are asked of it), the diagnostics, the run
 * of junk being merged into one message, and the token an "expected X, found
 * Y" message already named. Everything a rule or part needs from its caller
 * arrives as an argument; everything it builds is returned or pushed into the
 * list its caller passed.
 */
import { EmbeddedActionsParser, EOF, type IToken, type TokenType, tokenMatcher } from 'chevrotain';
import type { NameNode } from '../ast';
import type { Diagnostic, Range, SuggestedFix } from '../../core/diagnostic';
import * as T from '../tokens';
import { GateLookahead } from './lookahead';
import { describe, nameNode, range, RECORDING_TOKEN } from './nodes';

/**
 * Parts: methods that parse with CONSUME, OR, OPTION and MANY like a rule but
 * are not chevrotain rules (header, close, propertyBlock, property, the value
 * lists, targets).
 * A rule call costs chevrotain a frame of its own (arguments array, rule
 * stack, try/finally); a part is recorded as part of each rule that calls it,
 * and costs a method call. Chevrotain tells the DSL calls of one rule apart by
 * their occurrence number, so each part numbers its calls with its own number
 * from this table, above the 0–9 that rules use (OR, OR1, ...). A part is
 * called at most once per rule.
 */
export const PART = {
  header: 10, close: 11, block: 12, property: 13, loneValue: 14, valueWithUnit: 15, firstValue: 16, nextValue: 17, followingValue: 18,
  targets: 19, reservedTarget: 20, missingTarget: 21,
} as const;

/** Chevrotain's recording of a CONSUME, which GrammarBase wraps. */
const recorder = EmbeddedActionsParser.prototype as unknown as { consumeInternalRecord(this: unknown, tokType: TokenType, occurrence: number, options: unknown): IToken };

export abstract class GrammarBase extends EmbeddedActionsParser {
  protected diagnostics: Diagnostic[] = [];
  protected text = '';
  private junkRun: { start: IToken; end: IToken; context: string } | undefined;
  private namedAt = -1;

  constructor(private readonly lookahead = new GateLookahead({ maxLookahead: 3 })) {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, skipValidations: true, lookaheadStrategy: lookahead });
  }

  /**
   * What CONSUME and LA give while the grammar is recorded: RECORDING_TOKEN,
   * whose offsets are small integers (rules/nodes.ts says why that matters).
   * Chevrotain 11 gives tokens with NaN or double offsets there; these two
   * methods are its own (undocumented) recording stand-ins, overridden so.
   */
  LA_RECORD(): IToken {
    return RECORDING_TOKEN;
  }

  consumeInternalRecord(tokType: TokenType, occurrence: number, options: unknown): IToken {
    recorder.consumeInternalRecord.call(this, tokType, occurrence, options);
    return RECORDING_TOKEN;
  }

  protected resetState(text: string): void {
    this.text = text;
    this.diagnostics = [];
    this.junkRun = undefined;
    this.namedAt = -1;
  }

  protected releaseState(): void {
    this.lookahead.forget();
    this.text = '';
    this.diagnostics = [];
    this.junkRun = undefined;
  }

  /**
   * What an OR, OPTION or SUBRULE returned. While chevrotain records the
   * grammar they return a placeholder object; it is read as nothing, so the
   * actions after them run on the throwaway arguments of the recording.
   */
  protected taken<V>(value: V | undefined): V | undefined {
    return this.RECORDING_PHASE ? undefined : value;
  }

  // ---- diagnostics (none while the grammar is recorded) ---------------------

  /** `meant`: the fix only corrects a misspelling, so it is what the author meant (core/cascade.ts). */
  protected error(message: string, at: Range, fix?: SuggestedFix, meant = false): void {
    if (this.RECORDING_PHASE) return;
    this.diagnostics.push({ code: 'syntax', severity: 'error', message, range: at, ...(fix ? { data: { fix, ...(meant ? { meant } : {}) } } : {}) });
  }

  /** "expected X after Y": at the next token when it is on the same line, else at Y. */
  protected expected(what: string, after: Range, found: IToken = this.LA(1), fix?: SuggestedFix): void {
    if (this.RECORDING_PHASE) return;
    this.flushJunk();
    const sameLine = found.tokenType !== EOF && this.onOneLine(after.end, found);
    const message = `expected ${what} after '${this.text.slice(after.start, after.end)}'` + (found.tokenType === EOF ? ', found the end of the file' : sameLine ? `, found ${describe(found)}` : '');
    this.error(message, sameLine ? range(found) : after, fix);
    if (sameLine) this.namedAt = found.startOffset;
  }

  /** True when the token was already named by an "expected X, found Y" message. */
  protected wasNamed(t: IToken): boolean {
    return t.startOffset === this.namedAt;
  }

  /** Adds a junk token to the current run, or starts a run; one message per run. */
  protected junk(t: IToken, context: string): void {
    if (this.RECORDING_PHASE || t.startOffset === this.namedAt) return;
    if (this.junkRun && this.junkRun.context === context) this.junkRun.end = t;
    else {
      this.flushJunk();
      this.junkRun = { start: t, end: t, context };
    }
  }

  /** Reports the current junk run: called before anything else is reported or parsed. */
  protected flushJunk(): void {
    const run = this.junkRun;
    if (!run) return;
    this.junkRun = undefined;
    const at = { start: run.start.startOffset, end: run.end.startOffset + run.end.image.length };
    const what = run.start === run.end ? describe(run.start) : `${describe(run.start)} … ${describe(run.end)}`;
    this.error(`unexpected ${what}: ${run.context}`, at);
  }

  /** A keyword used as a name: reported, and kept as the name. */
  protected reserved(t: IToken): NameNode {
    this.flushJunk();
    const kind = (T.KIND_WORDS as readonly string[]).includes(t.image) ? ' (a component kind)' : '';
    this.error(`'${t.image}' is a reserved word${kind} and cannot be a name: rename it, e.g. '${t.image}-1' or 'my-${t.image}'`, range(t));
    return nameNode(t);
  }

  /** A name token as a name, a keyword as a reported reserved word. */
  protected nameOf(t: IToken): NameNode {
    return t.tokenType === T.Name ? nameNode(t) : this.reserved(t);
  }

  // ---- token tests, for gates -------------------------------------------------

  /** True when no line break stands between offset `end` and token `b`. */
  protected onOneLine(end: number, b: IToken): boolean {
    for (let i = end; i < b.startOffset; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) return false;
    }
    return true;
  }

  protected is(offset: number, type: TokenType): boolean {
    return tokenMatcher(this.LA(offset), type);
  }

  protected isArrow(offset: number): boolean {
    return this.is(offset, T.Arrow) || this.is(offset, T.AsyncArrow);
  }

  protected isTargetName(offset: number): boolean {
    return this.is(offset, T.Name) || this.is(offset, T.Keyword);
  }

  /** A value a list can hold at `offset`: a name not followed by ':' (that is the next key), or a literal. */
  protected isValueStart(offset = 1): boolean {
    const t = this.LA(offset);
    if (tokenMatcher(t, T.Name)) return !this.is(offset + 1, T.Colon);
    return isLiteral(t);
  }

  /** `, name` at `offset` continues a targets list unless the name starts a property (`, key:`). */
  protected commaContinuesTargets(offset = 1): boolean {
    return this.is(offset, T.Comma) && this.is(offset + 1, T.Name) && !this.is(offset + 2, T.Colon);
  }
}

/** A number, a string, `true` or `false`: a value that cannot be a key or a name. */
export function isLiteral(t: IToken): boolean {
  return tokenMatcher(t, T.NumberLiteral) || tokenMatcher(t, T.StringLiteral) || tokenMatcher(t, T.True) || tokenMatcher(t, T.False);
}
