/**
 * Chevrotain's LL(k) lookahead, except for an OR with gates, in two ways.
 *
 * - Chevrotain 11 collects the gates of such an OR into a fresh array on
 *   every call; the statements of a model take several gated choices each,
 *   so on a 10,000-component model that array was a large share of what a
 *   parse allocated. Here the gates of a list of alternatives are read once
 *   (the grammar creates its lists once).
 * - A gated alternative is taken when its gate allows it and the next token
 *   can start it: its gate says how far it looks ahead. Chevrotain's paths
 *   only tell alternatives apart by their tokens, which gated alternatives
 *   that start alike (one value, or a list of them) cannot be.
 *
 * An alternative without a gate is decided as chevrotain does: the first one
 * one of whose lookahead paths matches the next tokens.
 */
import { Alternation, Alternative, getLookaheadPaths, type IOrAlt, type IProduction, type IToken, LLkLookaheadStrategy, NonTerminal, Rule, type TokenType, tokenMatcher } from 'chevrotain';

/** The parser as a lookahead function sees it (`LA` is protected in chevrotain's types). */
type Reader = { LA(howMuch: number): IToken };
type Choice = (this: Reader, orAlts?: IOrAlt<unknown>[]) => number | undefined;

/** Alternatives with the function that decides between them (see `chosen`). */
export type Chosen<T> = IOrAlt<T>[] & { choose: () => number };

/**
 * Alternatives whose gates are one function, `choose`, which returns the
 * index of the alternative to take: alternative i is gated by
 * `choose() === i`. This strategy calls `choose` once per choice, where gates
 * that share conditions would test them once per alternative.
 */
export function chosen<T>(alternatives: IOrAlt<T>[], choose: () => number): Chosen<T> {
  const gated = alternatives.map((alt, i) => ({ ...alt, GATE: () => choose() === i }));
  return Object.assign(gated, { choose });
}

export class GateLookahead extends LLkLookaheadStrategy {
  /** Each gated choice's way to drop the list it last saw. */
  private readonly forgetters: (() => void)[] = [];

  /**
   * Drops the lists of alternatives the choices last saw: a list made per call
   * (`members` makes one per block) holds what its closures hold, and the
   * parser must keep nothing of a parse once it returns.
   */
  forget(): void {
    for (const forget of this.forgetters) forget();
  }

  override buildLookaheadForAlternation(options: { prodOccurrence: number; rule: Rule; maxLookahead: number; hasPredicates: boolean; dynamicTokensEnabled: boolean }): Choice {
    if (!options.hasPredicates) return super.buildLookaheadForAlternation(options);
    // Per alternative: its lookahead paths, whether it can be empty, the types its first token may have, and
    // whether its paths are all one token long (then, gate or not, the first token decides). Computed at the
    // first call, when the gates are known (rulePaths says why).
    let paths: TokenType[][][] = [];
    let empty: boolean[] = [];
    let first: boolean[][] = [];
    let short: boolean[] = [];
    // The gates of the list last seen: the grammar's lists are created once, so this is read once per OR.
    let seen: IOrAlt<unknown>[] | undefined;
    let gates: ((() => boolean) | undefined)[] = [];
    let choose: (() => number) | undefined;
    this.forgetters.push(() => {
      seen = undefined;
      gates = [];
      choose = undefined;
    });
    return function (this: Reader, orAlts?: IOrAlt<unknown>[]): number | undefined {
      if (orAlts !== seen) {
        seen = orAlts;
        gates = orAlts!.map((alt) => (alt as { GATE?: () => boolean }).GATE);
        choose = (orAlts as Partial<Chosen<unknown>>).choose;
        if (paths.length === 0) {
          paths = rulePaths(options, gates.map((gate) => gate !== undefined));
          empty = paths.map((alt) => alt.some((path) => path.length === 0));
          first = paths.map(firstTokens);
          short = paths.map((alt) => alt.every((path) => path.length <= 1));
        }
      }
      if (choose !== undefined) {
        const alt = choose();
        return empty[alt] || first[alt][this.LA(1).tokenTypeIdx!] === true ? alt : undefined;
      }
      for (let alt = 0; alt < paths.length; alt++) {
        const gate = gates[alt];
        if (gate !== undefined && !gate.call(this)) continue;
        if (empty[alt] || first[alt][this.LA(1).tokenTypeIdx!] === true) {
          if (gate !== undefined || short[alt]) return alt;
          for (const path of paths[alt]) if (matches(this, path)) return alt;
        }
      }
      return undefined;
    };
  }
}

/**
 * The lookahead paths of an OR's alternatives: one token for a gated one
 * (its gate says the rest), and for the others the paths that tell them
 * apart from each other. Chevrotain would tell every alternative apart from
 * every other, and alternatives that start alike, such as a declaration edge
 * and an edge without a caller, then take all paths three tokens deep: that
 * doubled the time a parser takes to build, which every `sysd check` pays.
 */
function rulePaths(options: { prodOccurrence: number; rule: Rule; maxLookahead: number }, gated: boolean[]): TokenType[][][] {
  const alternatives = findAlternation(options.rule.definition, options.prodOccurrence)!.definition as Alternative[];
  const pathsOf = (which: Alternative[], maxLookahead: number): TokenType[][][] =>
    which.length === 0 ? [] : getLookaheadPaths({ occurrence: options.prodOccurrence, rule: new Rule({ name: options.rule.name, definition: [new Alternation({ idx: options.prodOccurrence, definition: which })] }), prodType: 'Alternation', maxLookahead });
  const open = pathsOf(alternatives.filter((_, i) => !gated[i]), options.maxLookahead);
  const firsts = pathsOf(alternatives.filter((_, i) => gated[i]), 1);
  return alternatives.map((_, i) => (gated[i] ? firsts : open).shift()!);
}

/** The OR of a rule with occurrence `idx`, wherever it stands in the rule (not in the rules it calls). */
function findAlternation(definition: IProduction[], idx: number): Alternation | undefined {
  for (const production of definition) {
    if (production instanceof Alternation && production.idx === idx) return production;
    if (production instanceof NonTerminal || !('definition' in production)) continue;
    const found = findAlternation((production as { definition: IProduction[] }).definition, idx);
    if (found) return found;
  }
  return undefined;
}

/** The token type indices that can start a path of `paths`; a category matches the types in it (`categoryMatches`). */
function firstTokens(paths: TokenType[][]): boolean[] {
  const types: boolean[] = [];
  for (const path of paths) {
    if (path.length === 0) continue;
    types[path[0].tokenTypeIdx!] = true;
    for (const member of path[0].categoryMatches ?? []) types[member] = true;
  }
  return types;
}

/** True when the next tokens are `path`. */
function matches(parser: Reader, path: TokenType[]): boolean {
  for (let i = 0; i < path.length; i++) if (!tokenMatcher(parser.LA(i + 1), path[i])) return false;
  return true;
}
