/**
 * Seeded mutation of sysd text, shared by the CLI and server fuzz suites.
 * Every mutation is a pure function of the seed, so a failing case is
 * reproduced by its seed alone: `mutateCase(corpus, seed)` gives back the
 * same text on every machine.
 *
 * The operators aim at what broke before: unbalanced braces and quotes, long
 * tokens, control characters and escape sequences in labels, extreme
 * numbers (`replicas: 10000`), `// sysd-ignore` comments and empty first
 * lines, lines moved or spliced from another example.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../core/prng';

export type Random = () => number;

/** The examples every fuzz suite starts from, by file name. */
export function exampleCorpus(dir = join(import.meta.dirname, '../../examples')): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.sysd'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Fragments worth inserting: syntax, hostile text and values at the edges of the schema. */
export const FRAGMENTS: readonly string[] = [
  '{', '}', '"', '->', '~>', ':', ';', ',', '|', '\n', '\r\n', ' ', '\t', '/*', '*/', '//',
  'system s {', 'service x', 'database db { replicas: 3 }', 'users u { rps: 1k }', 'a -> b', 'x ~> y',
  'region r {', 'zone z {', 'lint { }', 'import "x.sysd"',
  'replicas: 10000', 'replicas: 1000', 'replicas: 0', 'min-up: 999', 'availability: 99.9999%',
  'availability: 0%', 'rps: 1e308', 'capacity: 99999999999999999999 rps', 'latency: 0ms', 'mttr: 0s',
  'mode: active-passive', 'failover: 1h', 'timeout: 1ms',
  '// sysd-ignore', '// sysd-ignore spof, no-capacity  // reason: x', '// Owner: team',
  '"L1\n::error file=x.sysd,line=1::forged"', '"\u001b[2J\u001b[H"', '"\u0007\u0000\u007f"',
  '"![](https://example.com/x.png)"', '"[link](https://example.com)"', '"<script>alert(1)</script>"',
  '\u202e', '\u200b', '\ufeff', '\ud800', '\u2028', '🙂', 'ǅ', 'ß',
];

const pick = <T>(rand: Random, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (rand: Random, n: number): number => Math.floor(rand() * n);

/** One mutation of `text`; `other` is another example to splice from. */
export function mutateOnce(text: string, rand: Random, other = text): string {
  const at = int(rand, text.length + 1);
  const len = int(rand, Math.min(200, text.length - at) + 1);
  switch (int(rand, 10)) {
    case 0: // Delete a span.
      return text.slice(0, at) + text.slice(at + len);
    case 1: // Insert a fragment.
    case 2:
      return text.slice(0, at) + pick(rand, FRAGMENTS) + text.slice(at);
    case 3: // Duplicate a span.
      return text.slice(0, at + len) + text.slice(at, at + len) + text.slice(at + len);
    case 4: { // Splice a span of the other example.
      const from = int(rand, other.length + 1);
      return text.slice(0, at) + other.slice(from, from + int(rand, 300)) + text.slice(at);
    }
    case 5: { // Swap two lines.
      const lines = text.split('\n');
      const i = int(rand, lines.length);
      const j = int(rand, lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 6: { // Replace a number by an extreme one.
      const numbers = [...text.matchAll(/\d+(?:\.\d+)?/g)];
      if (numbers.length === 0) return text;
      const m = pick(rand, numbers);
      const by = pick(rand, ['0', '1', '2', '1000', '10000', '99.99999999', '1e308', '4294967297', '00000000000000000001']);
      return text.slice(0, m.index) + by + text.slice(m.index! + m[0].length);
    }
    case 7: // Flip one character to a random code unit (control characters included).
      return text.slice(0, at) + String.fromCharCode(int(rand, 0x80) || 0x1b) + text.slice(at + 1);
    case 8: // Repeat a fragment many times (long tokens, deep nesting, many lines).
      return text.slice(0, at) + pick(rand, ['a', '{', '"', '// sysd-ignore\n', ' ', '-', '9']).repeat(1 + int(rand, 2000)) + text.slice(at);
    default: // Empty first line, or cut the text short.
      return rand() < 0.5 ? `\n${text}` : text.slice(0, at);
  }
}

/** `1 + rounds` mutations of one example chosen by the seed; the same seed gives the same text. */
export function mutateCase(corpus: readonly { name: string; text: string }[], seed: number, maxRounds = 6): { base: string; text: string } {
  const rand = seededRandom(seed);
  const base = pick(rand, corpus);
  const other = pick(rand, corpus).text;
  let text = base.text;
  const rounds = 1 + int(rand, maxRounds);
  for (let r = 0; r < rounds; r++) text = mutateOnce(text, rand, other);
  return { base: base.name, text };
}

/** The seed of case `i` of a run with seed `runSeed`: cases are independent, so any one replays alone. */
export function caseSeed(runSeed: number, i: number): number {
  return (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(i + 1, 0xc2b2ae35)) >>> 0;
}
