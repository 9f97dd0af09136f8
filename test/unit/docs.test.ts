// The generated parts of docs/ must match the code: a schema or code change
// without `npm run docs` fails here, so the reference cannot drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { diagnosticsDoc, languageDoc } from '../../scripts/docs';
import { CODES } from '../../core/codes';
import { PROPERTIES } from '../../core/model/schema';

test('docs/diagnostics.md is generated from core/codes.ts and up to date', () => {
  const doc = readFileSync('docs/diagnostics.md', 'utf8');
  assert.equal(doc, diagnosticsDoc(), 'docs/diagnostics.md is stale: run `npm run docs`');
  for (const c of CODES) assert.ok(doc.includes(`## ${c.code}\n`), `catalogue entry for ${c.code}`);
});

test('docs/language.md property tables and kinds are generated from the schema and up to date', () => {
  const doc = readFileSync('docs/language.md', 'utf8');
  assert.equal(doc, languageDoc(doc), 'docs/language.md is stale: run `npm run docs`');
  for (const p of PROPERTIES) assert.ok(doc.includes(`| \`${p.key}\` |`), `reference row for ${p.key}`);
});
