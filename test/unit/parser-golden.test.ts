/**
 * Golden tests of the language: each `test/fixtures/syntax/*.sysd` is parsed
 * and built into a model, and the syntax tree plus the syntax and model
 * diagnostics (not lint findings) are compared with its `.golden.txt`.
 * Refresh with `UPDATE_GOLDEN=1 node --import tsx --test test/unit/parser-golden.test.ts`
 * and review every changed line: a wrong range or message is a parser bug.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '../../grammar/parse';
import { buildModel } from '../../core/model/build';
import { dumpAst, dumpDiagnostics } from './helpers/ast-dump';
import { assertGolden } from './helpers/golden';

const dir = fileURLToPath(new URL('../fixtures/syntax/', import.meta.url));
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.sysd')).sort();

export function goldenText(text: string): string {
  const parsed = parse(text);
  const model = buildModel(parsed.ast, text);
  return `${dumpAst(parsed.ast, text)}\n--- diagnostics ---\n${dumpDiagnostics([...parsed.diagnostics, ...model.diagnostics], text)}`;
}

describe('syntax golden files', () => {
  test('there are fixtures to check', () => {
    assert.ok(fixtures.length >= 10, `expected the syntax fixtures in ${dir}`);
  });
  for (const file of fixtures) {
    test(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      assertGolden(goldenText(text), join(dir, file.replace(/\.sysd$/, '.golden.txt')));
    });
  }
});
