/**
 * Parsing never fails (docs/ARCHITECTURE.md): a single name or string of
 * 8 MB or more lexes as one token, where the backtracking regular
 * expressions that matched them overflowed V8's regexp stack and the parse
 * came back as an "internal parser error" with an empty tree. The loops that
 * replace them match exactly what the expressions matched, checked here
 * against the expressions on seeded random text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../grammar/parse';
import { matchName, matchSplitString, matchTerminatedString, matchUnterminatedString } from '../../grammar/token-matchers';
import { seededRandom } from '../../core/prng';

const BIG = 8_500_000;

function parsesWhole(text: string, what: string): void {
  const r = parse(text);
  const internal = r.diagnostics.filter((d) => /internal|stack/i.test(d.message));
  assert.deepEqual(internal, [], `${what}: ${internal.map((d) => d.message).join('; ')}`);
  assert.equal(r.ast.systems.length, 1, `${what}: the system is in the tree`);
}

test('an 8 MB name, a name of 4 million dashes and an 8 MB label parse into a tree', () => {
  parsesWhole(`system s {\n  service ${'a'.repeat(BIG)}\n}\n`, 'name');
  parsesWhole(`system s {\n  service ${'a-'.repeat(BIG / 2)}a\n}\n`, 'dashed name');
  parsesWhole(`system s "${'x'.repeat(BIG)}" {\n}\n`, 'string');
});

test('8 MB strings that are unterminated, split over two lines, or full of escapes parse into a tree', () => {
  parsesWhole(`system s "${'x'.repeat(BIG)}\n}\n`, 'unterminated string');
  parsesWhole(`system s {\n  service a "${'x'.repeat(BIG / 2)}\n${'y'.repeat(BIG / 2)}" ${';'.repeat(1000)}\n}\n`, 'split string');
  parsesWhole(`system s "${'\\"'.repeat(BIG / 2)}" {\n}\n`, 'escapes');
  parsesWhole(`system s "${'} '.repeat(BIG / 2)}x\n}\n`, 'unterminated string of braces');
});

/** The expressions the matchers replace, as they were in grammar/tokens.ts. */
const REFERENCE: [string, RegExp, (text: string, offset: number) => number][] = [
  ['name', /[A-Za-z](?:[A-Za-z0-9_]|-(?=[A-Za-z0-9_]))*/y, matchName],
  ['terminated string', /"(?:[^"\\\r\n]|\\.)*"/y, matchTerminatedString],
  ['split string', /"(?:[^"\\\r\n]|\\.)*\r?\n(?:[^"\\\r\n]|\\.)*"(?=[ \t]*(?:[;,{}][ \t]*)*(?:\/\/|\/\*|\r?\n|(?![\s\S])))/y, matchSplitString],
  ['unterminated string', /"(?:[^"\\\r\n{}]|\\.|\}(?=[ \t]*[^ \t\r\n]))*(?:\{(?=[ \t]*[^ \t\r\n])(?:[^"\\\r\n]|\\.)*)?/y, matchUnterminatedString],
];

test('each matcher matches exactly what its regular expression matched, on 20,000 seeded random texts', () => {
  const random = seededRandom(1606);
  const alphabet = ['"', '"', '\\', '\n', '\r', '\r\n', '{', '}', ' ', '\t', ';', ',', '/', '*', '-', '_', 'a', 'Z', '9', '\u2028', 'é'];
  for (let n = 0; n < 20_000; n++) {
    let text = '';
    const length = 1 + Math.floor(random() * 14);
    for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)];
    for (let offset = 0; offset < text.length; offset++) {
      for (const [what, regex, match] of REFERENCE) {
        regex.lastIndex = offset;
        const m = regex.exec(text);
        const want = m ? offset + m[0].length : -1;
        assert.equal(match(text, offset), want, `${what} at ${offset} of ${JSON.stringify(text)}`);
      }
    }
  }
});
