/**
 * One test per diagnostic code of docs/language.md §9 that fires it, and one
 * near-miss that does not. Each firing test checks what the user sees: the
 * code, its default severity, the exact text the squiggle covers and the part
 * of the message that says what to do.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { CODES, type DiagnosticCode } from '../../../core/codes';
import { analyseMarked, describeDiagnostics, type CodeCase } from '../../fixtures/rules/marked-source';
import { MODEL_CASES } from '../../fixtures/rules/model-cases';
import { DESIGN_CASES } from '../../fixtures/rules/design-cases';
import { FIGURE_CASES } from '../../fixtures/rules/figure-cases';

// Typed as a full record, so the type checker fails when a code of core/codes.ts has no case.
const CASES: Record<DiagnosticCode, CodeCase> = { ...MODEL_CASES, ...DESIGN_CASES, ...FIGURE_CASES };

test('every code of docs/language.md §9 has a firing case and a near-miss', () => {
  const missing = CODES.map((c) => c.code).filter((code) => !(code in CASES) || CASES[code] === undefined);
  assert.deepEqual(missing, []);
  assert.equal(CODES.length, 24);
});

for (const { code } of CODES) {
  const c = CASES[code];
  if (!c) continue;
  describe(code, () => {
    test(`fires with severity ${c.severity} on the marked text`, () => {
      const { text, range, analysis } = analyseMarked(c.fires);
      assert.ok(range, 'the case marks the expected range');
      const found = analysis.diagnostics.filter((d) => d.code === code);
      assert.ok(found.length > 0, `expected '${code}', got:\n${describeDiagnostics(analysis)}`);
      const d = found.find((x) => x.range.start === range.start) ?? found[0];
      assert.equal(text.slice(d.range.start, d.range.end), text.slice(range.start, range.end));
      assert.deepEqual(d.range, range);
      assert.equal(d.severity, c.severity);
      assert.match(d.message, c.message);
    });

    test(`does not fire when ${c.because}`, () => {
      const { analysis } = analyseMarked(c.nearMiss);
      const found = analysis.diagnostics.filter((d) => d.code === code);
      assert.deepEqual(found.map((d) => d.message), [], describeDiagnostics(analysis));
      // A near-miss that does not parse would pass for the wrong reason.
      assert.deepEqual(analysis.diagnostics.filter((d) => d.code === 'syntax').map((d) => d.message), []);
    });
  });
}
