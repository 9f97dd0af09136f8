/**
 * The in-process half of bench/parser-ab.ts: two parsers, one process,
 * alternating. Bundled by the driver together with both trees' grammar, so
 * both run as the extension ships (esbuild, no tsx wrappers) under the same
 * heap, the same load and the same garbage of each other's parses.
 */
import type { IToken } from 'chevrotain';
import { generateSysd } from './generate';

/** What the driver hands over from one tree: its `parse`, its lexer, its parser class. */
export interface Side {
  parse(text: string): unknown;
  lex(text: string): { tokens: IToken[] };
  SysdParser: new () => { parseTokens(tokens: IToken[], text: string): unknown };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Times `oldFn` and `newFn` in alternating rounds (the order flips each
 * round), after a warm-up of each; returns both medians in milliseconds.
 */
function alternate(oldFn: () => unknown, newFn: () => unknown, rounds: number, warmMs: number): { old: number; new: number } {
  for (const fn of [oldFn, newFn, oldFn, newFn]) {
    const begin = performance.now();
    while (performance.now() - begin < warmMs / 4) fn();
  }
  const times = { old: [] as number[], new: [] as number[] };
  // With --expose-gc, each run starts from a full collection, so neither side pays for the other's garbage.
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let r = 0; r < rounds; r++) {
    const order: ['old' | 'new', () => unknown][] = r % 2 === 0 ? [['old', oldFn], ['new', newFn]] : [['new', newFn], ['old', oldFn]];
    for (const [which, fn] of order) {
      gc?.();
      const start = performance.now();
      fn();
      times[which].push(performance.now() - start);
    }
  }
  return { old: median(times.old), new: median(times.new) };
}

/** Prints one JSON line per size and measurement: `parse` (lex + parse) and `parseTokens` (the parser alone). */
export function compare(oldSide: Side, newSide: Side, sizes: number[], rounds: number, warmMs: number): void {
  for (const components of sizes) {
    const text = generateSysd({ components });
    const n = Math.max(5, Math.round((rounds * 1000) / Math.max(1000, components)));
    const full = alternate(() => oldSide.parse(text), () => newSide.parse(text), n, warmMs);
    console.log(JSON.stringify({ components, measure: 'parse', rounds: n, ...full }));
    // The parser alone, on token vectors lexed once (copied: the lexer reuses its array).
    const oldTokens = oldSide.lex(text).tokens.slice();
    const newTokens = newSide.lex(text).tokens.slice();
    const oldParser = new oldSide.SysdParser();
    const newParser = new newSide.SysdParser();
    const alone = alternate(() => oldParser.parseTokens(oldTokens, text), () => newParser.parseTokens(newTokens, text), n, warmMs);
    console.log(JSON.stringify({ components, measure: 'parseTokens', rounds: n, ...alone }));
  }
}

/** One side alone (`--split`: a process per side): median ms of `parse` and of `parseTokens`, one JSON line per size. */
export function measureOne(side: Side, sizes: number[], rounds: number, warmMs: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  const time = (fn: () => unknown, n: number): number => {
    const begin = performance.now();
    while (performance.now() - begin < warmMs / 2) fn();
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      gc?.();
      const start = performance.now();
      fn();
      times.push(performance.now() - start);
    }
    return median(times);
  };
  for (const components of sizes) {
    const text = generateSysd({ components });
    const n = Math.max(5, Math.round((rounds * 1000) / Math.max(1000, components)));
    const tokens = side.lex(text).tokens.slice();
    const parser = new side.SysdParser();
    console.log(JSON.stringify({ components, parse: time(() => side.parse(text), n), parseTokens: time(() => parser.parseTokens(tokens, text), n) }));
  }
}
