/**
 * Parser behaviour a user notices, one rule per test: values and units, the
 * two-token look-ahead that ends a value list, separators, edge shapes, and
 * the messages of common mistakes. The golden files show whole trees; these
 * pin the rules so a regression names the rule it broke.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../grammar/parse';
import type { ComponentNode, EdgeNode, PropertyNode, SystemNode } from '../../grammar/ast';

function system(text: string): SystemNode {
  const { ast, diagnostics } = parse(text);
  assert.deepEqual(diagnostics.map((d) => d.message), [], `unexpected syntax errors in ${JSON.stringify(text)}`);
  return ast.systems[0];
}
const component = (text: string, name: string) =>
  system(text).members.find((m): m is ComponentNode => m.kind === 'component' && m.name?.text === name)!;
const prop = (c: ComponentNode, key: string) => c.properties.find((p) => p.key.text === key) as PropertyNode;
const edges = (text: string) => system(text).members.filter((m): m is EdgeNode => m.kind === 'edge');
/** True when the text declares a component `name`, whatever its errors. */
const declares = (text: string, name: string) => parse(text).ast.systems[0].members.some((m) => m.kind === 'component' && m.name?.text === name);
const errors = (text: string) => parse(text).diagnostics.map((d) => ({ message: d.message, at: text.slice(d.range.start, d.range.end) }));

describe('values', () => {
  test('numbers with multipliers and units keep their value and unit', () => {
    const c = component('system s { service a { x: 12; y: 0.5; z: 1.5k; w: 2M; p: 99.95%; d: 5min; r: 2500 rps; q: 2kqps } }', 'a');
    const v = (k: string) => { const n = prop(c, k).values[0]; return n.type === 'number' ? [n.value, n.unit] : n.type; };
    assert.deepEqual(['x', 'y', 'z', 'w', 'p', 'd', 'r', 'q'].map(v), [[12, null], [0.5, null], [1500, null], [2_000_000, null], [99.95, '%'], [5, 'min'], [2500, 'rps'], [2000, 'qps']]);
  });

  test('only the rate units may stand after a space, so `share: 2` then a component `d` is not two days', () => {
    const s = system('system s {\n  a -> b { share: 2 }\n  service d\n}');
    assert.ok(s.members.some((m) => m.kind === 'component' && m.name?.text === 'd'));
    const c = component('system s { service a { capacity: 2 rpm } }', 'a');
    assert.deepEqual(prop(c, 'capacity').values.map((v) => v.raw), ['2 rpm']);
  });

  test('a rate unit followed by ":" is the next property, not the unit of the number before it', () => {
    const c = component('system s { users u { peak: 6k\n rps: 2k } }', 'u');
    assert.deepEqual(c.properties.map((p) => [p.key.text, p.values.map((v) => v.raw)]), [['peak', ['6k']], ['rps', ['2k']]]);
  });

  test('strings unescape \\" \\\\ \\n and \\t', () => {
    const c = component('system s { service a "a \\"b\\" \\\\ \\n \\t" }', 'a');
    assert.equal(c.label?.value, 'a "b" \\ \n \t');
  });

  test('an unknown unit is named in the message with the units that exist', () => {
    assert.match(errors('system s { service a { latency: 30sec } }')[0].message, /unknown unit 'sec' in '30sec'.*ms, s, min/);
  });
});

describe('separators and the value-list look-ahead', () => {
  test("a ',' ends a value list when the next tokens are `key ':'`", () => {
    const c = component('system s { service a { zones: z1, z2, replicas: 3, latency: 2ms } }', 'a');
    assert.deepEqual(c.properties.map((p) => [p.key.text, p.values.map((v) => v.raw)]), [['zones', ['z1', 'z2']], ['replicas', ['3']], ['latency', ['2ms']]]);
  });

  test("a ',' continues a value list across a line break", () => {
    const c = component('system s { service a { zones: z1,\n  z2\n  replicas: 2 } }', 'a');
    assert.deepEqual(prop(c, 'zones').values.map((v) => v.raw), ['z1', 'z2']);
  });

  test('newlines, semicolons and commas all separate members', () => {
    const s = system('system s { service a; service b, service c\n a -> b; b -> c, slo: 99% }');
    assert.deepEqual(s.members.map((m) => m.kind), ['component', 'component', 'component', 'edge', 'edge', 'property']);
  });

  test('a key without a value is a flag, also as the last thing in a block', () => {
    const [e] = edges('system s { a -> b { optional } }');
    assert.deepEqual(e.properties.map((p) => [p.key.text, p.values.length, p.hasColon]), [['optional', 0, false]]);
    const s = system('system s { stateful }');
    assert.equal(s.members[0].kind, 'property');
  });
});

describe('edges', () => {
  const shape = (e: EdgeNode) => e.steps.map((s) => s.groups.map((g) => g.names.map((n) => n.text).join('|')).join(',')).join(` ${e.arrows.map((a) => a.type).join(' ')} `);

  test('chains, fan-out, fan-in, alternatives and async arrows keep their shape', () => {
    const list = edges('system s {\n a -> b -> c\n a -> b, c\n a, b -> c\n a -> b | c, d\n a ~> q ~> w\n}');
    assert.deepEqual(list.map((e) => [e.steps.length, e.arrows.map((a) => a.type)]), [[3, ['->', '->']], [2, ['->']], [2, ['->']], [2, ['->']], [3, ['~>', '~>']]]);
    assert.equal(shape(list[3]), 'a -> b|c,d');
    assert.equal(shape(list[2]), 'a,b -> c');
  });

  test('names never end in "-", so a->b needs no spaces', () => {
    const [e] = edges('system s { use1-a->b_2 }');
    assert.deepEqual(e.steps.map((s) => s.groups[0].names[0].text), ['use1-a', 'b_2']);
  });

  test('a label and a property block apply to the statement', () => {
    const [e] = edges('system s { api -> stripe "charge" { share: 30%; timeout: 2s; breaker } }');
    assert.equal(e.label?.value, 'charge');
    assert.deepEqual(e.properties.map((p) => p.key.text), ['share', 'timeout', 'breaker']);
  });
});

describe('messages for common mistakes', () => {
  test("a forgotten ':' says so at the value and keeps the value", () => {
    const text = 'system s { service a { replicas 3 } }';
    assert.deepEqual(errors(text), [{ message: "expected ':' after 'replicas', found '3'", at: '3' }]);
    assert.deepEqual(prop(parse(text).ast.systems[0].members[0] as ComponentNode, 'replicas').values.map((v) => v.raw), ['3']);
  });

  test('a missing value points at the colon when the next token is on another line', () => {
    assert.deepEqual(errors('system s { service a {\n latency:\n } }'), [{ message: "expected a value for 'latency' after ':'", at: ':' }]);
  });

  test('reserved words as names are reported as reserved, with a rename suggestion', () => {
    const [e] = errors('system s { users lb }');
    assert.equal(e.at, 'lb');
    assert.match(e.message, /'lb' is a reserved word \(a component kind\) and cannot be a name: rename it/);
  });

  test('a kind on the next line is not taken as the missing name', () => {
    const text = 'system s {\n service\n users shoppers\n}';
    assert.deepEqual(errors(text), [{ message: "expected a name for the service after 'service'", at: 'service' }]);
    assert.ok(declares(text, 'shoppers'));
  });

  test('an unclosed block points at its opening brace', () => {
    const text = 'system s {\n service a { replicas: 2\n}';
    assert.deepEqual(errors(text).map((e) => e.at), ['{']);
    assert.match(errors(text)[0].message, /expected '}' to close system 's'/);
  });

  test("a stray ',' after an arrow is one error, and the name after it is still the target", () => {
    const text = 'system s {\n a -> , b\n}';
    assert.deepEqual(errors(text), [{ message: "expected the name of a component after '->', found ','", at: ',' }]);
    const edge = parse(text).ast.systems[0].members.find((m): m is EdgeNode => m.kind === 'edge')!;
    assert.deepEqual(edge.steps.map((s) => s.groups.map((g) => g.names.map((n) => n.text))), [[['a']], [['b']]]);
  });

  test('an edge with no caller is one error over the whole edge, not a junk arrow and a flag', () => {
    const text = 'system s {\n service a\n -> a, b\n}';
    assert.deepEqual(errors(text), [{ message: "an edge starts with the component that calls: write 'caller -> a, b'", at: '-> a, b' }]);
  });

  test('an arrow that ends a line is skipped alone: the edge on the next line is still read', () => {
    const text = 'system s {\n users web { rps: 10 }\n service app { replicas: 2 } ->\n web -> app\n}';
    assert.deepEqual(errors(text), [{ message: "an edge starts with the component that calls: write 'caller -> '", at: '->' }]);
    const edge = parse(text).ast.systems[0].members.find((m): m is EdgeNode => m.kind === 'edge');
    assert.deepEqual(edge?.steps.map((s) => s.groups[0].names[0].text), ['web', 'app']);
  });

  test('a declaration that is also an edge says to split it, and keeps the declaration', () => {
    const text = 'system s {\n service a -> b\n service b\n}';
    assert.deepEqual(errors(text), [{ message: "a declaration cannot also be an edge: declare 'a' here and write 'a -> b' on a line of its own", at: '-> b' }]);
    assert.ok(declares(text, 'b'));
  });

  test("a label missing its closing quote does not swallow the block it opens or closes", () => {
    const text = 'system s {\n service a "API {\n replicas: 2\n }\n service b { owner: "team }\n}';
    assert.deepEqual(errors(text), [
      { message: `unterminated string: add a closing '"' before the '{'`, at: '"API' },
      { message: `unterminated string: add a closing '"' before the '}'`, at: '"team' },
    ]);
    const a = parse(text).ast.systems[0].members.find((m): m is ComponentNode => m.kind === 'component' && m.name?.text === 'a')!;
    assert.equal(a.label?.value, 'API');
    assert.deepEqual(a.properties.map((p) => p.key.text), ['replicas']);
  });

  test('a string that goes on to the next line is one error, and its second line is not read as flags', () => {
    const text = 'system s {\n service a {\n  technology: "Node.js service that handles\n    the checkout flow" }\n service b\n}';
    assert.deepEqual(errors(text), [
      { message: "a string cannot continue on the next line: join the two lines, or write '\\n' where the line should break", at: '"Node.js service that handles\n    the checkout flow"' },
    ]);
    const a = component(text.replace('handles\n    the', 'handles the'), 'a');
    const split = parse(text).ast.systems[0].members.find((m): m is ComponentNode => m.kind === 'component' && m.name?.text === 'a')!;
    assert.deepEqual(split.properties.map((p) => [p.key.text, p.values.map((v) => v.value)]), a.properties.map((p) => [p.key.text, p.values.map((v) => v.value)]));
    assert.ok(declares(text, 'b'));
  });

  test('a missing quote before a line that has quotes of its own stays an unterminated string', () => {
    // Reading `"API⏎ service b "` as one string would swallow the declaration of b.
    const text = 'system s {\n service a "API\n service b "Billing"\n}';
    assert.deepEqual(errors(text), [{ message: `unterminated string: add a closing '"' before the end of the line`, at: '"API' }]);
    assert.ok(declares(text, 'b'));
  });

  test('recovery reports every error, not just the first', () => {
    const found = errors('system s {\n service a { replicas 2 }\n service { }\n b -> ;\n @\n}');
    assert.deepEqual(found.map((e) => e.at), ['2', '{', ';', '@']);
  });
});

describe('memory', () => {
  test('the shared parser keeps nothing of a parse once it returns', async () => {
    // The parser instance lives as long as the language server; a tree (or the
    // tokens) it kept would stay alive beside the next analysis of a large file.
    const { setFlagsFromString } = await import('node:v8');
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let result: ReturnType<typeof parse> | undefined = parse('system s { service a { replicas: 2 } a -> b service b }');
    const tree = new WeakRef(result.ast);
    const edge = new WeakRef(result.ast.systems[0].members.at(-2)!);
    result = undefined;
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.equal(tree.deref(), undefined, 'the syntax tree is still reachable after parse() returned');
    assert.equal(edge.deref(), undefined, 'the last edge is still reachable after parse() returned');
  });
});
