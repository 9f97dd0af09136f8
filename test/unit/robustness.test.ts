/**
 * Parsing never throws and never hangs (ARCHITECTURE.md): random bytes, every
 * prefix of every example, deep nesting, a 5 MB model, and unterminated
 * strings and comments all give an analysis with diagnostics at the right place.
 * Time bounds here only guard against hangs; performance lives in `npm run bench`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseText } from '../../core/index';
import { parse } from '../../grammar/parse';
import { buildModel } from '../../core/model/build';
import type { Diagnostic } from '../../core/diagnostic';
import { seededRandom } from '../../core/prng';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A small seeded generator (mulberry32) so a failing input can be reproduced. */
const prng = seededRandom;

/** Runs the whole pipeline and checks the invariants every input must keep. */
function analyse(text: string, what: string) {
  let result;
  try {
    result = analyseText(text);
  } catch (error) {
    assert.fail(`analyseText threw on ${what}: ${error instanceof Error ? error.stack : error}`);
  }
  for (const d of result.diagnostics) {
    assert.ok(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length, `${what}: range ${JSON.stringify(d.range)} outside the text (${text.length})`);
    assert.ok(d.message.length > 0, `${what}: empty message for ${d.code}`);
    assert.ok(!d.message.includes('internal parser error'), `${what}: ${d.message}`);
  }
  return result;
}

function parseAndBuild(text: string, what: string): void {
  try {
    const parsed = parse(text);
    buildModel(parsed.ast, text);
  } catch (error) {
    assert.fail(`parse or buildModel threw on ${what}: ${error instanceof Error ? error.stack : error}`);
  }
}

const syntax = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'syntax');

function examples(): [string, string][] {
  const dir = join(root, 'examples');
  const out: [string, string][] = readdirSync(dir).filter((n) => n.endsWith('.sysd')).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
  // Without examples, fall back to the complete example of docs/language.md §1 kept beside the goldens.
  if (!out.some(([f]) => f === 'checkout.sysd')) out.push(['checkout.sysd', readFileSync(join(root, 'test/fixtures/syntax/checkout.sysd'), 'utf8')]);
  return out;
}

describe('robustness', () => {
  test('random bytes of several sizes never throw', () => {
    const random = prng(20240601);
    for (const size of [0, 1, 7, 64, 1000, 10_000, 100_000]) {
      for (let round = 0; round < (size > 10_000 ? 2 : 10); round++) {
        const bytes = new Uint8Array(size);
        for (let i = 0; i < size; i++) bytes[i] = Math.floor(random() * 256);
        analyse(new TextDecoder('utf-8').decode(bytes), `${size} random bytes, round ${round}`);
      }
    }
  });

  test('random sysd-like tokens never throw', () => {
    // Random bytes rarely reach deep into the grammar; shuffled real tokens do.
    const words = ['system', 's', '{', '}', 'service', 'a', 'b', '->', '~>', '|', ',', ';', ':', 'replicas', '3', '99.9%', '2500', 'rps',
      'zone', 'region', 'z', 'lint', 'spof', 'off', '"x"', '"', '/*', '*/', '//', '\n', 'users', 'zones', 'import', 'true', '1.5k', '-'];
    const random = prng(7);
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(random() * 80);
      const text = Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(random() < 0.5 ? ' ' : '');
      analyse(text, `token soup ${JSON.stringify(text)}`);
    }
  });

  test('every prefix of every example never throws', () => {
    // Every prefix goes through parse + model (where a cut can break things); every
    // 5th, and each cut just before a line break, also through the whole analysis.
    const cases = examples();
    assert.ok(cases.some(([f]) => f === 'checkout.sysd'), 'the checkout example should be among the inputs');
    for (const [file, text] of cases) {
      for (let i = 0; i <= text.length; i++) {
        const prefix = text.slice(0, i);
        if (i % 5 === 0 || text[i] === '\n') analyse(prefix, `${file} cut at ${i}`);
        else parseAndBuild(prefix, `${file} cut at ${i}`);
      }
    }
  });

  test('10,000 nested braces', () => {
    const text = `system s ${'{'.repeat(10_000)}`;
    const result = analyse(text, 'nested braces');
    assert.ok(syntax(result.diagnostics).length > 0);
    assert.equal(result.ast.systems[0]?.name?.text, 's');
  });

  test('10,000 nested regions are read, flattened past the depth limit, and reported', () => {
    const text = `system s { ${'region a { '.repeat(10_000)}${'}'.repeat(10_001)}`;
    const result = analyse(text, 'nested regions');
    const depth = result.diagnostics.find((d) => d.message.includes('nested more than'));
    assert.ok(depth, 'the depth limit is reported');
    assert.equal(text[depth.range.start], '{', 'the depth diagnostic points at a brace');
  });

  // The test's timeout only turns a hang into a failure; how fast it is belongs to `npm run bench`.
  test('a 5 MB model is analysed without hanging', { timeout: 10 * 60_000 }, () => {
    // Components carry descriptions and comments, as real files do, so 5 MB is ~20,000 components.
    const lines = ['system big {', '  users u { rps: 100 }', '  region r { zone z1; zone z2; zone z3 }'];
    let size = lines.join('\n').length;
    let i = 0;
    for (; size < 5_000_000; i++) {
      const component = `  // Service ${i} handles one slice of the catalogue; see the runbook before changing its replicas.\n` +
        `  service s${i} "Service ${i}" { replicas: 2; capacity: 1k rps; zones: z1, z2; latency: 2ms; description: "Serves part ${i} of the catalogue to the web and mobile front ends." }`;
      const edge = i === 0 ? '  u -> s0' : `  s${Math.floor((i - 1) / 2)} -> s${i} { share: 50% }`;
      lines.push(component, edge);
      size += component.length + edge.length + 2;
    }
    lines.push('}');
    const text = lines.join('\n');
    assert.ok(text.length >= 5_000_000);
    const result = analyse(text, '5 MB model');
    assert.equal(syntax(result.diagnostics).length, 0);
    assert.equal(result.model.systems[0].components.length, i + 1);
  });

  test('an unterminated string is reported from its opening quote to the end of its line', () => {
    for (const [text, opening] of [
      ['system s { service a "Checkout API { replicas: 2 }\n}', '"Checkout'],
      ['system s {\n  service a { technology: "postgres\n  replicas: 2 }\n}', '"postgres'],
      ['system "unfinished', '"unfinished'],
      ['system s { a -> b "label\n}', '"label'],
    ] as const) {
      const quote = text.indexOf(opening);
      const result = analyse(text, text);
      const d = result.diagnostics.find((x) => x.message.startsWith('unterminated string'));
      assert.ok(d, `no unterminated-string diagnostic in ${JSON.stringify(text)}`);
      assert.equal(d.range.start, quote, `it starts at the quote in ${JSON.stringify(text)}`);
      assert.equal(text[d.range.start], '"');
      const lineEnd = text.indexOf('\n', quote);
      assert.equal(d.range.end, lineEnd === -1 ? text.length : lineEnd);
    }
  });

  test('an unterminated block comment is reported at its /*', () => {
    for (const text of ['/* no end', 'system s { /* open', 'system s {\n service a { replicas: 2 } /* trailing\n}', 'system s { service a } /*/']) {
      const result = analyse(text, text);
      const d = result.diagnostics.find((x) => x.message.startsWith('unterminated block comment'));
      assert.ok(d, `no unterminated-comment diagnostic in ${JSON.stringify(text)}`);
      assert.equal(text.slice(d.range.start, d.range.end), '/*');
      assert.equal(d.range.start, text.lastIndexOf('/*'));
    }
  });

  test("an unexpected character's range covers exactly it", () => {
    for (const [text, bad] of [
      ['system s { @ }', '@'],
      ['system s { service a { replicas: 2 # three\n } }', '#'],
      ['system s { a -> b $ }', '$'],
      ['system s { service a { latency: 5ms } }\u0000', '\u0000'],
      ['system s { service 😀 }', '😀'],
      ['system s { a = b }', '='],
    ] as const) {
      const result = analyse(text, text);
      const d = result.diagnostics.find((x) => x.message.startsWith('unexpected character'));
      assert.ok(d, `no unexpected-character diagnostic in ${JSON.stringify(text)}`);
      assert.equal(text.slice(d.range.start, d.range.end), bad, `range of the bad character in ${JSON.stringify(text)}`);
    }
  });

  test('many errors stay cheap and are capped with a summary', () => {
    const text = 'system s { ' + '@ 1 '.repeat(20_000) + '}';
    const result = analyse(text, 'many errors');
    const errors = syntax(result.diagnostics);
    assert.ok(errors.length <= 201, `${errors.length} syntax errors`);
    assert.match(errors[errors.length - 1].message, /more syntax errors not shown/);
  });
});
