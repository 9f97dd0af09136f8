/**
 * The editor refuses a model past the size limit the CLI enforces (docs/language.md "Limits"), with one
 * error at the start of the file, instead of parsing it into gigabytes of syntax tree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseSafely } from '../../server/analyse';
import { MAX_MODEL_BYTES } from '../../core/limits';

test('a model past the size limit gets one error at its start and is not parsed', () => {
  const line = '  service s { replicas: 2 }\n';
  const text = `system big {\n${line.repeat(Math.ceil(MAX_MODEL_BYTES / line.length) + 1)}}\n`;
  const analysis = analyseSafely(text, () => false, () => undefined);
  assert.equal(analysis.diagnostics.length, 1);
  const [d] = analysis.diagnostics;
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.range, { start: 0, end: 0 });
  assert.match(d.message, /sysd reads model files of at most 8 MB/);
  assert.equal(analysis.model.systems.length, 0);
});

test('a model at the limit in characters but multi-byte past it is refused too', () => {
  const text = `// ${'é'.repeat(MAX_MODEL_BYTES / 2 + 10)}\nsystem s {}\n`;
  assert.ok(text.length < MAX_MODEL_BYTES);
  const analysis = analyseSafely(text, () => false, () => undefined);
  assert.match(analysis.diagnostics[0]?.message ?? '', /at most 8 MB/);
});

test('a model under the limit is analysed as usual', () => {
  const analysis = analyseSafely('system s {\n  users u { rps: 1 }\n}\n', () => false, () => undefined);
  assert.equal(analysis.model.systems.length, 1);
});
