/**
 * Generates the parts of docs/ that must not drift from the code: the
 * property tables and kind list of docs/language.md, and the whole
 * diagnostic catalogue docs/diagnostics.md. `npm run docs` writes them;
 * test/unit/docs.test.ts fails when they are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CODES } from '../core/codes';
import { KIND_DOCS, PROPERTIES, describeDefault, describeType, type Place } from '../core/model/schema';
import { COMPONENT_KINDS } from '../core/model/types';

const PLACES: [Place, string][] = [
  ['system', 'On a system'],
  ['group', 'On a zone or region'],
  ['component', 'On a component'],
  ['edge', 'On an edge'],
];

const md = (s: string) => s.replace(/\|/g, '\\|');

export function propertyTables(): string {
  const out: string[] = [];
  for (const [place, title] of PLACES) {
    out.push(`### ${title}`, '', '| key | value | default | applies to | meaning |', '| --- | --- | --- | --- | --- |');
    for (const p of PROPERTIES.filter((s) => s.places.includes(place))) {
      const kinds = place === 'component' && p.kinds ? p.kinds.join(', ') : '';
      out.push(`| \`${p.key}\` | ${md(describeType(p))} | ${md(describeDefault(p) ?? '—')} | ${kinds} | ${md(p.doc)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function kindTable(): string {
  const out = ['| kind | what it is |', '| --- | --- |'];
  for (const k of COMPONENT_KINDS) out.push(`| \`${k}\` | ${md(KIND_DOCS[k])} |`);
  return out.join('\n') + '\n';
}

export function diagnosticsDoc(): string {
  const out = [
    '# Diagnostic catalogue',
    '',
    '<!-- Generated from core/codes.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Every diagnostic sysd reports has one of these codes. Severities are the defaults; a system can change them with',
    '`lint { code: severity }` (`error`, `warning`, `info`, `hint`, `off`), and `// sysd-ignore code` on the line before a',
    'statement silences a lint finding for that statement. The editor links each diagnostic to its entry here, and offers',
    'both ways of silencing as quick fixes for every code from `no-entry` down (`no-entry`, which is about a whole',
    'system, only through `lint`; the first five are errors in the text: they are fixed, not silenced).',
    '',
    '| code | default | when |',
    '| --- | --- | --- |',
    ...CODES.map((c) => `| [\`${c.code}\`](#${c.code}) | ${c.severity} | ${md(c.summary)} |`),
    '',
  ];
  for (const c of CODES) {
    out.push(`## ${c.code}`, '', `Default severity: **${c.severity}**.`, '', c.summary, '', `What to do: ${c.fix}`, '');
    if ('quickFix' in c) out.push(`Quick fix in the editor: ${c.quickFix}`, '');
  }
  return out.join('\n');
}

/** Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. */
export function fillGenerated(doc: string, name: string, content: string): string {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`docs: markers for '${name}' are missing`);
  return `${doc.slice(0, i + start.length)}\n${content}${doc.slice(j)}`;
}

export function languageDoc(current: string): string {
  return fillGenerated(fillGenerated(current, 'kinds', kindTable()), 'properties', propertyTables());
}

if (process.argv[1]?.endsWith('docs.ts')) {
  writeFileSync('docs/diagnostics.md', diagnosticsDoc());
  writeFileSync('docs/language.md', languageDoc(readFileSync('docs/language.md', 'utf8')));
  console.log('docs: wrote docs/diagnostics.md and the generated sections of docs/language.md');
}
