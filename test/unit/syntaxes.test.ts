/**
 * The editor files in syntaxes/: the TextMate grammar, the language
 * configuration and the snippets. VS Code runs the grammar with Oniguruma; the
 * grammar keeps to the JS-compatible subset (match rules, begin/end) so the
 * small tokenizer below can run it and check what colours a user would see.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPONENT_KINDS } from '../../core/model/types';
import { PROPERTIES } from '../../core/model/schema';
import { parse } from '../../grammar/parse';
import { buildModel } from '../../core/model/build';
import type { MemberNode } from '../../grammar/ast';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readJson = (rel: string): any => JSON.parse(readFileSync(join(root, rel), 'utf8'));
const grammar = readJson('syntaxes/sysd.tmLanguage.json');
const config = readJson('syntaxes/language-configuration.json');
const snippets = readJson('syntaxes/snippets.json');

// ---- A tiny TextMate tokenizer for the subset the grammar uses. ----

interface Rule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  contentName?: string;
  captures?: Record<string, { name?: string }>;
  beginCaptures?: Record<string, { name?: string }>;
  endCaptures?: Record<string, { name?: string }>;
  patterns?: Rule[];
}
interface Token { text: string; start: number; scopes: string[] }
interface Frame { rule: Rule; outer: string[] }

const regexCache = new Map<string, RegExp>();
function compile(source: string): RegExp {
  let re = regexCache.get(source);
  if (!re) regexCache.set(source, (re = new RegExp(source, 'dg')));
  return re;
}

/** Flattens includes into the list of match and begin rules TextMate would try, in order. */
function expand(rules: Rule[]): Rule[] {
  return rules.flatMap((rule) => {
    if (rule.include === '$self') return expand(grammar.patterns);
    if (rule.include) return expand([grammar.repository[rule.include.slice(1)]]);
    if (!rule.match && !rule.begin) return expand(rule.patterns ?? []);
    return [rule];
  });
}

/** Scopes every character of a match: base, then the rule's name, then its captures in group order. */
function scopeMatch(m: RegExpExecArray, base: string[], name: string | undefined, captures: Rule['captures'], lineStart: number): Token[] {
  const start = m.index;
  const perChar = m[0].split('').map(() => [...base, ...(name ? [name] : [])]);
  const indices = (m as RegExpExecArray & { indices: [number, number][] }).indices;
  for (const key of Object.keys(captures ?? {}).sort((a, b) => Number(a) - Number(b))) {
    const span = indices[Number(key)];
    const scope = captures![key]!.name;
    if (!span || !scope) continue;
    for (let i = span[0]; i < span[1]; i++) perChar[i - start]!.push(scope);
  }
  const tokens: Token[] = [];
  perChar.forEach((scopes, i) => {
    const last = tokens[tokens.length - 1];
    if (last && last.start + last.text.length === lineStart + start + i && last.scopes.join() === scopes.join()) last.text += m[0][i];
    else tokens.push({ text: m[0][i]!, start: lineStart + start + i, scopes });
  });
  return tokens;
}

/** Tokenizes a whole text line by line, keeping begin/end state across lines like VS Code does. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const stack: Frame[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const emit = (from: number, to: number, scopes: string[]) => {
      if (to > from) tokens.push({ text: line.slice(from, to), start: lineStart + from, scopes });
    };
    let pos = 0;
    for (let guard = 0; pos <= line.length && guard < 10 * line.length + 10; guard++) {
      const frame = stack[stack.length - 1];
      const inside = frame ? [...frame.outer, ...(frame.rule.name ? [frame.rule.name] : []), ...(frame.rule.contentName ? [frame.rule.contentName] : [])] : ['source.sysd'];
      let best: { m: RegExpExecArray; rule?: Rule } | undefined;
      if (frame) {
        const re = compile(frame.rule.end!);
        re.lastIndex = pos;
        const m = re.exec(line);
        if (m) best = { m };
      }
      for (const rule of expand(frame ? frame.rule.patterns ?? [] : grammar.patterns)) {
        const re = compile(rule.match ?? rule.begin!);
        re.lastIndex = pos;
        const m = re.exec(line);
        if (m && (!best || m.index < best.m.index)) best = { m, rule };
      }
      if (!best) {
        emit(pos, line.length, inside);
        break;
      }
      const { m, rule } = best;
      emit(pos, m.index, inside);
      const end = m.index + m[0].length;
      if (!rule) {
        tokens.push(...scopeMatch(m, [...frame!.outer, ...(frame!.rule.name ? [frame!.rule.name] : [])], undefined, frame!.rule.endCaptures, lineStart));
        stack.pop();
      } else if (rule.begin) {
        tokens.push(...scopeMatch(m, inside, rule.name, rule.beginCaptures ?? rule.captures, lineStart));
        stack.push({ rule, outer: inside });
      } else {
        tokens.push(...scopeMatch(m, inside, rule.name, rule.captures, lineStart));
        if (end === pos) {
          emit(pos, pos + 1, inside);
          pos++;
          continue;
        }
      }
      pos = end;
    }
    lineStart += line.length + 1;
  }
  return tokens;
}

/** The scopes of the token that starts with `text` (the nth occurrence), for assertions. */
function scopesOf(tokens: Token[], text: string, nth = 0): string[] {
  const found = tokens.filter((t) => t.text === text);
  assert.ok(found[nth], `no token ${JSON.stringify(text)} in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return found[nth]!.scopes;
}
const has = (scopes: string[], prefix: string) => scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));
function assertScope(tokens: Token[], text: string, prefix: string, nth = 0): void {
  const scopes = scopesOf(tokens, text, nth);
  assert.ok(has(scopes, prefix), `${JSON.stringify(text)} has ${scopes.join(' ')}, expected ${prefix}`);
}

// ---- The grammar file itself. ----

describe('TextMate grammar', () => {
  test('is JSON with the scope name package.json points at', () => {
    assert.equal(grammar.scopeName, 'source.sysd');
    const pkg = readJson('package.json');
    const entry = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'sysd');
    assert.equal(entry.scopeName, grammar.scopeName);
    assert.equal(entry.path, './syntaxes/sysd.tmLanguage.json');
  });

  const regexes: string[] = [];
  const includes: string[] = [];
  (function walk(node: unknown): void {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') regexes.push(value);
      else if (key === 'include' && typeof value === 'string') includes.push(value);
      else walk(value);
    }
  })(grammar);

  test('every regex compiles as a JS RegExp and avoids Oniguruma-only syntax', () => {
    assert.ok(regexes.length > 20);
    for (const source of regexes) {
      assert.doesNotThrow(() => new RegExp(source), source);
      assert.doesNotMatch(source, /\\[AGzZhHK]|\(\?[imx-]+[:)]|[*+?}]\+/, `Oniguruma-only syntax in ${source}`);
    }
  });

  test('every include names a repository entry', () => {
    assert.ok(includes.length > 0);
    for (const include of includes) {
      if (include === '$self') continue;
      assert.match(include, /^#/);
      assert.ok(grammar.repository[include.slice(1)], `missing repository entry ${include}`);
    }
  });
});

// ---- What a user sees. ----

describe('highlighting', () => {
  test('a->b without spaces is a name, an arrow and a name', () => {
    const t = tokenize('  a->b');
    assert.deepEqual(t.filter((x) => x.text.trim()).map((x) => x.text), ['a', '->', 'b']);
    assertScope(t, 'a', 'variable.other.reference');
    assertScope(t, '->', 'keyword.operator.arrow');
    assertScope(t, 'b', 'variable.other.reference');
  });

  test('hyphenated names are one token, declared or referenced', () => {
    const t = tokenize('zone use1-a { availability: 99.99% }\nzones: use1-a, use1-b\nlatency-slo: 300ms\nmin-up: 2');
    assertScope(t, 'use1-a', 'entity.name', 0);
    assertScope(t, 'use1-a', 'variable.other.reference', 1);
    assertScope(t, 'use1-b', 'variable.other.reference');
    assertScope(t, 'latency-slo', 'support.type.property-name');
    assertScope(t, 'min-up', 'support.type.property-name');
    assertScope(t, ',', 'punctuation.separator');
  });

  test('percentages, durations and rates split into a number and its unit', () => {
    const t = tokenize('slo: 99.95%\ncapacity: 2500 rps\ncapacity: 2500rps\nfailover: 5min\npeak: 1.5k\nrps: 2M');
    assertScope(t, '99.95', 'constant.numeric');
    assertScope(t, '%', 'keyword.other.unit');
    assertScope(t, '2500', 'constant.numeric', 0);
    assertScope(t, 'rps', 'keyword.other.unit', 0);
    assertScope(t, '2500', 'constant.numeric', 1);
    assertScope(t, 'rps', 'keyword.other.unit', 1);
    assertScope(t, '5', 'constant.numeric');
    assertScope(t, 'min', 'keyword.other.unit');
    assertScope(t, '1.5k', 'constant.numeric');
    assertScope(t, '2M', 'constant.numeric');
    // `rps` as a key before ':' is a property, not a unit.
    assertScope(t, 'rps', 'support.type.property-name', 2);
  });

  test('a number glued to an unknown unit is marked invalid', () => {
    assertScope(tokenize('failover: 30sec'), '30sec', 'invalid.illegal');
  });

  test('every component kind is a kind, and the name after it is declared', () => {
    for (const kind of COMPONENT_KINDS) {
      const t = tokenize(`  ${kind} my-${kind} "Label" { replicas: 2 }`);
      assertScope(t, kind, 'storage.type');
      assertScope(t, `my-${kind}`, 'entity.name');
      assertScope(t, '"', 'string.quoted.double');
    }
  });

  test('a kind inside a longer name or a lint code is not a kind', () => {
    const t = tokenize('lint { cache-failure-overload: off }\nmy-cache -> queue-b');
    assertScope(t, 'lint', 'keyword.other');
    assertScope(t, 'cache-failure-overload', 'support.type.property-name');
    assertScope(t, 'off', 'support.constant');
    assertScope(t, 'my-cache', 'variable.other.reference');
    assertScope(t, 'queue-b', 'variable.other.reference');
  });

  test('system, region and zone keywords name what follows', () => {
    const t = tokenize('system checkout "Checkout" {\n  region us-east {\n    zone use1-a\n  }\n}');
    assertScope(t, 'system', 'keyword.other');
    assertScope(t, 'checkout', 'entity.name');
    assertScope(t, 'region', 'keyword.other');
    assertScope(t, 'us-east', 'entity.name');
    assertScope(t, 'zone', 'keyword.other');
    assertScope(t, '{', 'punctuation.section.block.begin');
    assertScope(t, '}', 'punctuation.section.block.end');
  });

  test('async arrows, alternatives, flags and enumerated values', () => {
    const t = tokenize('api -> events ~> fulfil\napi -> a | b { optional; breaker; mode: active-passive; ok: true }');
    assertScope(t, '~>', 'keyword.operator.arrow');
    assertScope(t, '|', 'keyword.operator');
    assertScope(t, 'optional', 'support.type.property-name');
    assertScope(t, 'breaker', 'support.type.property-name');
    assertScope(t, 'active-passive', 'support.constant');
    assertScope(t, 'true', 'constant.language');
    assertScope(t, ';', 'punctuation');
  });

  test('flags in the grammar are exactly the flag properties of the schema', () => {
    for (const spec of PROPERTIES.filter((p) => p.type === 'flag')) {
      assertScope(tokenize(`a -> b { ${spec.key} }`), spec.key, 'support.type.property-name');
    }
    for (const spec of PROPERTIES.filter((p) => p.type === 'enum')) {
      for (const value of spec.values!) assertScope(tokenize(`${spec.key}: ${value}`), value, 'support.constant');
    }
  });

  test('strings keep their escapes and stop at the end of the line', () => {
    const t = tokenize('lb alb "Say \\"hi\\"\\n\\q" {\n"unterminated\nservice api');
    assertScope(t, '\\"', 'constant.character.escape');
    assertScope(t, '\\n', 'constant.character.escape');
    assertScope(t, '\\q', 'invalid.illegal');
    assertScope(t, 'service', 'storage.type');
  });

  test('comments hide code, and sysd-ignore stands out inside a line comment', () => {
    const t = tokenize('// a -> b 99%\n/* service x\n  -> y */ z\n// sysd-ignore spof no-capacity');
    for (const token of t.filter((x) => x.text.trim() && x.text !== 'z')) {
      assert.ok(has(token.scopes, 'comment'), `${JSON.stringify(token.text)} should be a comment`);
    }
    assertScope(t, 'z', 'variable.other.reference');
    assertScope(t, 'sysd-ignore', 'keyword.control.directive');
    assertScope(t, 'spof', 'constant.other.diagnostic-code');
    assertScope(t, 'no-capacity', 'constant.other.diagnostic-code');
  });
});

// ---- The grammar against the real examples and the real parser. ----

describe('highlighting the examples', () => {
  const dir = join(root, 'examples');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sysd'))) {
    test(`${file}: every character is scoped, nothing is invalid, every declared name is an entity`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const tokens = tokenize(text);
      for (const token of tokens) {
        if (!token.text.trim()) continue;
        assert.ok(token.scopes.length > 1, `unscoped ${JSON.stringify(token.text)} at ${token.start}`);
        assert.ok(!has(token.scopes, 'invalid'), `invalid ${JSON.stringify(token.text)} at ${token.start}`);
      }
      const at = new Map(tokens.map((t) => [t.start, t]));
      const visit = (members: MemberNode[]) => {
        for (const member of members) {
          if (member.kind === 'component' || member.kind === 'group') {
            const token = at.get(member.name!.range.start);
            assert.ok(token && has(token.scopes, 'entity.name'), `${member.name!.text} in ${file} is not an entity name`);
          }
          if (member.kind === 'group') visit(member.members);
        }
      };
      for (const system of parse(text).ast.systems) visit(system.members);
    });
  }
});

// ---- Language configuration. ----

describe('language configuration', () => {
  test('comments, brackets and auto-closing pairs', () => {
    assert.equal(config.comments.lineComment, '//');
    assert.deepEqual(config.comments.blockComment, ['/*', '*/']);
    assert.deepEqual(config.brackets, [['{', '}']]);
    const quote = config.autoClosingPairs.find((p: { open: string }) => p.open === '"');
    assert.deepEqual(quote.notIn.sort(), ['comment', 'string']);
    assert.ok(config.autoClosingPairs.some((p: { open: string; close: string }) => p.open === '{' && p.close === '}'));
    assert.ok(config.surroundingPairs.some((p: string[]) => p[0] === '"'));
  });

  test('a double-click selects a whole hyphenated name, but not across an arrow', () => {
    const word = (text: string, offset: number) => {
      for (const m of text.matchAll(new RegExp(config.wordPattern, 'g'))) {
        if (m.index! <= offset && offset < m.index! + m[0].length) return m[0];
      }
      return undefined;
    };
    assert.equal(word('zones: use1-a, use1-b', 12), 'use1-a');
    assert.equal(word('latency-slo: 300ms', 2), 'latency-slo');
    assert.equal(word('min-up: 3', 5), 'min-up');
    assert.equal(word('a->b', 0), 'a');
    assert.equal(word('a->b', 3), 'b');
    assert.equal(word('slo: 99.95%', 6), '99.95%');
  });

  test('folding markers and indentation rules', () => {
    const start = new RegExp(config.folding.markers.start);
    const end = new RegExp(config.folding.markers.end);
    assert.match('  // #region data tier', start);
    assert.doesNotMatch('  // region us-east is the primary', start);
    assert.match('// #endregion', end);
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    assert.match('system checkout "Checkout" {', increase);
    assert.match('  lb alb {  // two boxes', increase);
    assert.doesNotMatch('  cache redis { hit: 80% }', increase);
    assert.doesNotMatch('  // see { below', increase);
    assert.match('  }', decrease);
    for (const rule of config.onEnterRules) {
      assert.doesNotThrow(() => new RegExp(rule.beforeText));
      if (rule.afterText) assert.doesNotThrow(() => new RegExp(rule.afterText));
    }
  });
});

// ---- Snippets. ----

/** Expands a snippet body with its default values, as accepting every placeholder would. */
function expandSnippet(body: string[]): string {
  const text = body.join('\n').replace(/\t/g, '  ');
  const values = new Map<string, string>();
  const filled = text
    .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n: string, choices: string) => {
      values.set(n, choices.split(',')[0]!);
      return values.get(n)!;
    })
    .replace(/\$\{(\d+):([^}]*)\}/g, (_, n: string, value: string) => {
      values.set(n, value);
      return value;
    });
  return filled.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a?: string, b?: string) => values.get((a ?? b)!) ?? '');
}

function errorsOf(text: string): string[] {
  const parsed = parse(text);
  const model = buildModel(parsed.ast, text);
  return [...parsed.diagnostics, ...model.diagnostics].filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
}

describe('snippets', () => {
  test('every snippet has a prefix, a body and a description', () => {
    const names = Object.keys(snippets);
    assert.ok(names.length >= 4);
    for (const name of names) {
      assert.ok(snippets[name].prefix?.length, name);
      assert.ok(Array.isArray(snippets[name].body) && snippets[name].body.length, name);
      assert.ok(snippets[name].description, name);
    }
  });

  test('the component snippet offers exactly the component kinds', () => {
    const choice = /\$\{1\|([^|]*)\|\}/.exec(snippets.Component.body[0])!;
    assert.deepEqual(choice[1]!.split(',').sort(), [...COMPONENT_KINDS].sort());
  });

  test('each snippet, accepted as offered, is valid sysd', () => {
    const system = expandSnippet(snippets.System.body);
    assert.deepEqual(errorsOf(system), []);
    const region = expandSnippet(snippets['Region with two zones'].body);
    assert.deepEqual(errorsOf(`system s {\n${region}\n}`), []);
    const component = expandSnippet(snippets.Component.body);
    assert.deepEqual(errorsOf(`system s {\nzone zone-a\nzone zone-b\n${component}\n}`), []);
    const edge = expandSnippet(snippets['Edge with timeout and breaker'].body);
    assert.deepEqual(errorsOf(`system s {\nservice caller\nexternal callee\n${edge}\n}`), []);
  });
});
