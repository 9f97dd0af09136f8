/**
 * Lexing in chunks (grammar/lex.ts) must give exactly what lexing the whole
 * text gives: the same tokens at the same offsets, the same lexer errors and
 * the same comments. Small chunk sizes put cuts everywhere a cut is allowed.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createToken, Lexer, type ILexingResult, type IToken } from 'chevrotain';
import { chunkEnds, lex, releaseTokens, tokensHeld, type Lexed } from '../../grammar/lex';
import { allTokens, LEXER_OPTIONS, sysdLexer } from '../../grammar/tokens';
import { parse } from '../../grammar/parse';
import { generateSysd } from '../../bench/generate';
import { seededRandom } from '../../core/prng';

const tokenKey = (t: IToken) => `${t.tokenType.name}@${t.startOffset}:${JSON.stringify(t.image)}`;

function wholeKeys(r: ILexingResult) {
  return {
    tokens: r.tokens.map(tokenKey),
    errors: r.errors.map((e) => `${e.offset}+${e.length}`),
    comments: ((r.groups.comments ?? []) as IToken[]).map(tokenKey),
  };
}

function chunkedKeys(r: Lexed) {
  return { tokens: r.tokens.map(tokenKey), errors: r.errors.map((e) => `${e.offset}+${e.length}`), comments: r.comments.map(tokenKey) };
}

function assertSameAsWhole(text: string, size: number, what: string): number {
  const chunked = chunkedKeys(lex(text, size));
  releaseTokens();
  assert.deepEqual(chunked, wholeKeys(sysdLexer.tokenize(text)), `${what}, chunks of ${size}`);
  return chunkEnds(text, size).length;
}

function sysdFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sysdFiles(path) : name.endsWith('.sysd') ? [path] : [];
  });
}

describe('the token definitions', () => {
  // The lexer skips chevrotain's checks of its definitions to start faster (grammar/tokens.ts); they run here.
  const definitionErrors = (tokens: typeof allTokens) =>
    new Lexer(tokens, { ...LEXER_OPTIONS, skipValidations: false, deferDefinitionErrorsHandling: true }).lexerDefinitionErrors.map((e) => e.message);

  test('pass chevrotain\'s checks', () => {
    assert.deepEqual(definitionErrors(allTokens), []);
  });

  test('a token that can never match is caught by those checks', () => {
    const shadowed = createToken({ name: 'Shadowed', pattern: /sys/ });
    assert.match(definitionErrors([...allTokens, shadowed]).join('\n'), /Shadowed/);
  });
});

describe('lexing in chunks', () => {
  const files = [...sysdFiles('examples'), ...sysdFiles('test/fixtures')];

  test('every example and fixture lexes as a whole would, cut at every size', () => {
    let cuts = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const size of [1, 7, 64, 500]) cuts += assertSameAsWhole(text, size, file) - 1;
    }
    assert.ok(cuts > 500, `only ${cuts} cuts were made`);
  });

  test('every prefix of the examples lexes as a whole would', () => {
    for (const file of sysdFiles('examples')) {
      const text = readFileSync(file, 'utf8');
      for (let end = 0; end <= text.length; end += 3) assertSameAsWhole(text.slice(0, end), 4, `${file} up to ${end}`);
    }
  });

  test('random lines of strings, comments, junk and line breaks lex as a whole would', () => {
    const random = seededRandom(20261125);
    const pieces = [
      'service a', ' { replicas: 2 }', '"label"', '"open', '"two', 'lines" }', ' // note "quoted"', '\n', '\r\n', '\n',
      ' -> b', '~>', ' @', '£', '\t', '{', '}', '"a \\" b"', ' 50k rps', ';', ',', ' x-y', '\u2028', '"', '/', '*',
    ];
    for (let round = 0; round < 3000; round++) {
      const parts: string[] = [];
      const count = 1 + Math.floor(random() * 40);
      for (let i = 0; i < count; i++) parts.push(pieces[Math.floor(random() * pieces.length)]);
      const text = parts.join('');
      assertSameAsWhole(text, 1 + Math.floor(random() * 12), `round ${round}: ${JSON.stringify(text)}`);
    }
  });

  test('a 1,000-component model is cut into chunks of about 16 KB', () => {
    const text = generateSysd({ components: 1000 });
    const ends = chunkEnds(text, 16 * 1024);
    assert.ok(ends.length >= 5, `${ends.length} chunks`);
    for (let i = 0; i < ends.length; i++) {
      assert.equal(text[ends[i] - 1], i < ends.length - 1 ? '\n' : text.at(-1), `chunk ${i} ends after a newline`);
    }
    assertSameAsWhole(text, 16 * 1024, 'generated model');
  });

  test('no cut after a line with a quote, and none in text with a block comment', () => {
    const text = 'a\nb "x\ny" c\nd\n';
    // A cut may follow "a"; none follows a line with a quote, and none ends the text early.
    assert.deepEqual(chunkEnds(text, 1), [2, text.length]);
    assert.deepEqual(chunkEnds(`/* a\nb */\n${'c\n'.repeat(50)}`, 4), [110]);
  });

  test('parse() leaves no token in the kept array', () => {
    const text = generateSysd({ components: 1000 });
    lex(text);
    assert.ok(tokensHeld() > 20_000, 'a chunked lex fills the kept array');
    releaseTokens();
    parse(text);
    assert.equal(tokensHeld(), 0);
  });
});
