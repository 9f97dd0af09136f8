/**
 * Chevrotain's LL(k) lookahead, except for an OR with gates. Chevrotain 11
 * collects the gates of such an OR into a fresh array on every call; the
 * statements of a model take several gated choices each, so on a 10,000
 * component model that array was a large share of everything a parse
 * allocated. This strategy reads each alternative's GATE where it stands and
 * otherwise decides exactly as chevrotain does: the first alternative whose
 * gate allows it and one of whose lookahead paths matches the next tokens.
 */
import { getLookaheadPaths, type IOrAlt, type IToken, LLkLookaheadStrategy, type Rule, type TokenType, tokenMatcher } from 'chevrotain';

/** The parser as a lookahead function sees it (`LA` is protected in chevrotain's types). */
type Reader = { LA(howMuch: number): IToken };
type Choice = (this: Reader, orAlts?: IOrAlt<unknown>[]) => number | undefined;

export class GateLookahead extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: { prodOccurrence: number; rule: Rule; maxLookahead: number; hasPredicates: boolean; dynamicTokensEnabled: boolean }): Choice {
    if (!options.hasPredicates) return super.buildLookaheadForAlternation(options);
    const paths: TokenType[][][] = getLookaheadPaths({ occurrence: options.prodOccurrence, rule: options.rule, prodType: 'Alternation', maxLookahead: options.maxLookahead });
    return function (this: Reader, orAlts?: IOrAlt<unknown>[]): number | undefined {
      for (let alt = 0; alt < paths.length; alt++) {
        const gate = (orAlts![alt] as { GATE?: () => boolean }).GATE;
        if (gate !== undefined && !gate.call(this)) continue;
        const altPaths = paths[alt];
        for (let p = 0; p < altPaths.length; p++) if (matches(this, altPaths[p])) return alt;
      }
      return undefined;
    };
  }
}

/** True when the next tokens are `path` (an empty path always matches). */
function matches(parser: Reader, path: TokenType[]): boolean {
  for (let i = 0; i < path.length; i++) if (!tokenMatcher(parser.LA(i + 1), path[i])) return false;
  return true;
}
