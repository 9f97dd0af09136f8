/**
 * Bugs are told, not swallowed (issue 13, item 6): a fix that throws reaches
 * the caller's log, and a decision diagram too deep to build recursively
 * falls back as counted work, so a stack overflow is never what decides it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../core/index';
import { Bdd, BddTooLarge, MAX_APPLY_DEPTH } from '../../core/analysis/availability/bdd';
import { fixesFor } from '../../core/fixes';
import { LineIndex } from '../../core/line-index';

test('a fix that throws is reported to the caller, and the finding keeps its other output', () => {
  const text = 'system s {\n  users web { rps: 10 }\n  service api\n  web -> api\n}\n';
  const analysis = analyseText(text);
  const spof = analysis.diagnostics.find((d) => d.code === 'spof')!;
  // A bug in the fixes' input: the syntax tree they walk is missing.
  const broken = { text, lines: new LineIndex(text), analysis: { ...analysis, ast: undefined as never } };
  const told: string[] = [];
  assert.deepEqual(fixesFor(broken, spof, (error, code) => told.push(`${String(code)}: ${String(error)}`)), []);
  assert.equal(told.length, 1);
  assert.match(told[0], /^spof: TypeError/);
});

test('a diagram deeper than the recursion allows is too large, not a stack overflow', () => {
  // Two conjunctions over interleaved variables: combining them recurses once per variable.
  const pairs = 5_000;
  const bdd = new Bdd(2 * pairs + 2);
  let f = 1;
  let g = 1;
  for (let i = pairs - 1; i >= 0; i--) {
    f = bdd.and(bdd.variableNode(2 * i), f);
    g = bdd.and(bdd.variableNode(2 * i + 1), g);
  }
  assert.throws(() => bdd.or(f, g), (error: unknown) => error instanceof BddTooLarge && error.message.includes(String(MAX_APPLY_DEPTH)));
});
