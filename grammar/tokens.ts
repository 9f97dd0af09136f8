/**
 * The tokens of docs/language.md §2. Keywords use `longer_alt: Name` so that
 * `services` or `zones` lex as names. Categories let the parser accept "any
 * token that cannot start X" as junk and recover one token at a time.
 */
import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from 'chevrotain';
import { COMPONENT_KINDS } from '../core/model/kinds';
import { matchName, matchSplitString, matchTerminatedString, matchUnterminatedString } from './token-matchers';

// Categories (no pattern of their own).
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });
export const KindKeyword = createToken({ name: 'KindKeyword', pattern: Lexer.NA });
export const RateUnit = createToken({ name: 'RateUnit', pattern: Lexer.NA });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA, label: 'a string' });
/** Tokens that cannot start anything at the top level of a file. */
export const TopJunk = createToken({ name: 'TopJunk', pattern: Lexer.NA });
/** Tokens that cannot start a member of a system, region or zone. */
export const MemberJunk = createToken({ name: 'MemberJunk', pattern: Lexer.NA });
/** `;` and `,`: what separates members and properties. */
export const Separator = createToken({ name: 'Separator', pattern: Lexer.NA, label: "';' or ','" });
/** Tokens that can be a property key: names, the rate units (`rps: 2k`), and `zone`/`region` before ':'. */
export const KeyToken = createToken({ name: 'KeyToken', pattern: Lexer.NA, label: 'a property key' });
/** Tokens that can be a property value: numbers, strings, true/false and names. */
export const ValueToken = createToken({ name: 'ValueToken', pattern: Lexer.NA, label: 'a value' });
/** `->` and `~>`: the arrows of an edge. */
export const EdgeArrow = createToken({ name: 'EdgeArrow', pattern: Lexer.NA, label: "'->' or '~>'" });
/** `|` and `,`: what stands before each further target of an edge step. */
export const TargetSeparator = createToken({ name: 'TargetSeparator', pattern: Lexer.NA, label: "'|' or ','" });
/** `region` and `zone`: the keywords that open a group. */
export const GroupKeyword = createToken({ name: 'GroupKeyword', pattern: Lexer.NA, label: "'region' or 'zone'" });
/** Tokens that cannot start a property inside a `{ ... }` property block. */
export const PropertyJunk = createToken({ name: 'PropertyJunk', pattern: Lexer.NA });

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff\u2028\u2029]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: 'comments' });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments' });
export const UnterminatedComment = createToken({ name: 'UnterminatedComment', pattern: /\/\*[\s\S]*/, group: 'comments' });

const junkEverywhere = [TopJunk, MemberJunk, PropertyJunk];

/**
 * Names and strings are matched by loops over the characters
 * (./token-matchers.ts), not by regular expressions: a pattern that repeats
 * a group with alternatives (`(?:a|b)*`) makes V8 keep one backtracking
 * entry per repetition, and a single 8 MB name or string overflowed that
 * stack ("Maximum call stack size exceeded", an empty tree).
 */
function matcher(match: (text: string, offset: number) => number): { exec: CustomPatternMatcherFunc } {
  return {
    exec: (text, offset) => {
      const end = match(text, offset);
      return end < 0 ? null : [text.slice(offset, end)];
    },
  };
}

export const Name = createToken({
  name: 'Name',
  // A letter, then letters, digits and `_`, with single `-` between them; never ends in `-`.
  pattern: matcher(matchName),
  label: 'a name',
  categories: [TopJunk, ValueToken, KeyToken],
  start_chars_hint: [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'],
  line_breaks: false,
});

export const TerminatedString = createToken({
  name: 'TerminatedString',
  pattern: matcher(matchTerminatedString),
  start_chars_hint: ['"'],
  line_breaks: false,
  categories: [StringLiteral, ValueToken, ...junkEverywhere],
  label: 'a string',
});
/**
 * A string whose closing quote is on the next line (`"handles⏎ checkout" }`),
 * which docs/language.md §2 does not allow. Read as one string so the second line's
 * words are not read as flags; `parse` reports it. Only when the next line has
 * exactly one quote and nothing but `;`, `,`, a brace or a comment after it:
 * `"API⏎service b "B"` stays an unterminated string and `service b` a declaration.
 */
export const SplitString = createToken({
  name: 'SplitString',
  pattern: matcher(matchSplitString),
  start_chars_hint: ['"'],
  line_breaks: true,
  categories: [StringLiteral, ValueToken, ...junkEverywhere],
  label: 'a string',
});
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  // Up to the end of the line, but not a final `{` or `}`: in `service a "API {`
  // the block still opens (and in `c { owner: "x }` it still closes), so one
  // missing quote does not swallow a block. Once a `{` stands inside the
  // string (`"Checkout API { replicas: 2 }`), its `}` belongs to it too.
  pattern: matcher(matchUnterminatedString),
  start_chars_hint: ['"'],
  line_breaks: false,
  categories: [StringLiteral, ValueToken, ...junkEverywhere],
  label: 'a string',
});

export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  // The unit is checked by the parser so a bad one gets a precise message.
  pattern: /\d+(?:\.\d+)?[A-Za-z%]*/,
  label: 'a number',
  categories: [ValueToken, ...junkEverywhere],
});

export const Arrow = createToken({ name: 'Arrow', pattern: /->/, label: "'->'", categories: [EdgeArrow, ...junkEverywhere] });
export const AsyncArrow = createToken({ name: 'AsyncArrow', pattern: /~>/, label: "'~>'", categories: [EdgeArrow, ...junkEverywhere] });
export const LCurly = createToken({ name: 'LCurly', pattern: /{/, label: "'{'", categories: junkEverywhere });
export const RCurly = createToken({ name: 'RCurly', pattern: /}/, label: "'}'", categories: [TopJunk] });
export const Colon = createToken({ name: 'Colon', pattern: /:/, label: "':'", categories: junkEverywhere });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/, label: "';'", categories: [TopJunk, Separator] });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','", categories: [TopJunk, Separator, TargetSeparator] });
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/, label: "'|'", categories: [TargetSeparator, ...junkEverywhere] });

function keyword(word: string, categories: TokenType[]): TokenType {
  return createToken({
    name: `Kw_${word}`,
    pattern: new RegExp(word),
    longer_alt: Name,
    label: `'${word}'`,
    categories: [Keyword, ...categories],
  });
}

export const System = keyword('system', []);
export const Import = keyword('import', []);
export const Region = keyword('region', [GroupKeyword, TopJunk, KeyToken]);
export const Zone = keyword('zone', [GroupKeyword, TopJunk, KeyToken]);
export const Lint = keyword('lint', [TopJunk]);
export const True = keyword('true', [ValueToken, ...junkEverywhere]);
export const False = keyword('false', [ValueToken, ...junkEverywhere]);
export const RATE_UNITS = ['rps', 'qps', 'rpm'] as const;
export const rateUnitTokens = RATE_UNITS.map((u) => keyword(u, [RateUnit, TopJunk, KeyToken]));

/** The component kinds are keywords; they are declared once, with their flags, in core/model/kinds.ts. */
export const KIND_WORDS = COMPONENT_KINDS;
export const kindTokens = KIND_WORDS.map((k) => keyword(k, [KindKeyword, TopJunk]));

/** Every reserved word (docs/language.md §2), declared once: the lexer's keywords, and what the editor refuses as a new name. */
export const RESERVED_WORDS: readonly string[] = ['system', 'region', 'zone', 'import', 'lint', 'true', 'false', ...RATE_UNITS, ...KIND_WORDS];

/** Whether `word` is a name the language accepts (§2), reserved words aside: the Name token's own pattern. */
export function isNameShaped(word: string): boolean {
  return word.length > 0 && matchName(word, 0) === word.length;
}

/** Order matters: comments before anything starting with '/', keywords before Name. */
export const allTokens: TokenType[] = [
  WhiteSpace, LineComment, BlockComment, UnterminatedComment,
  TerminatedString, SplitString, UnterminatedString, NumberLiteral,
  Arrow, AsyncArrow, LCurly, RCurly, Colon, Semicolon, Comma, Pipe,
  System, Import, Region, Zone, Lint, True, False, ...rateUnitTokens, ...kindTokens,
  Name,
  Keyword, KindKeyword, GroupKeyword, EdgeArrow, TargetSeparator, RateUnit, StringLiteral, ValueToken, Separator, KeyToken, TopJunk, MemberJunk, PropertyJunk,
];

/** The lexer's options; test/unit/lex.test.ts builds the same lexer with chevrotain's validations on. */
export const LEXER_OPTIONS = {
  ensureOptimizations: false,
  // Checking the token definitions costs every process several milliseconds of its start-up (sysd check of a
  // small file takes about 120 ms); the unit test runs the checks instead.
  skipValidations: true,
  // Offsets only: smaller tokens, less to allocate; lines come from core/line-index.ts.
  positionTracking: 'onlyOffset',
  recoveryEnabled: true,
} as const;

export const sysdLexer = new Lexer(allTokens, LEXER_OPTIONS);
