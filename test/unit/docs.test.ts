// The generated parts of docs/ must match the code: a schema or code change
// without `npm run docs` fails here, so the reference cannot drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

test('code and docs cite the reference in the repository, and every cited section exists', () => {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|mjs|js|md|sysd|json|txt)$/.test(f) && existsSync(f));
  const reference = readFileSync('docs/language.md', 'utf8');
  const sections = new Set([...reference.matchAll(/^## (\d+)\. /gm)].map((m) => m[1]));
  for (const n of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']) assert.ok(sections.has(n), `docs/language.md has a section ${n}`);
  const outside: string[] = [];
  const missing: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // The design contract lives outside the repository: cite docs/language.md instead (this line spells the name in parts).
    if (new RegExp(`\\b${'LANGUAGE'}\\.md\\b`).test(text)) outside.push(file);
    for (const m of text.matchAll(/docs\/language\.md §(\d+)/g)) if (!sections.has(m[1])) missing.push(`${file}: §${m[1]}`);
  }
  assert.deepEqual(outside, [], 'files that cite the design contract, outside the repository');
  assert.deepEqual(missing, [], 'citations of sections docs/language.md does not have');
});
