import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyseText } from '../../core/index';
import { formatText } from '../../server/features/formatting';
import { ROOT } from './harness';

const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.sysd'));
const summary = (text: string) => {
  const a = analyseText(text);
  return { codes: a.diagnostics.map((d) => d.code), availability: a.systems.map((s) => s.availability) };
};

for (const file of examples) {
  test(`formatting ${file} keeps its meaning and is stable`, () => {
    const text = readFileSync(join(ROOT, 'examples', file), 'utf8');
    const once = formatText(text);
    assert.equal(formatText(once), once, 'formatting twice changes nothing');
    assert.deepEqual(summary(once), summary(text), 'same findings and figures after formatting');
    const comments = (t: string) => t.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? [];
    assert.deepEqual(comments(once).map((c) => c.trim()), comments(text).map((c) => c.trim()), 'every comment kept');
  });
}
