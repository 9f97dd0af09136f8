/** The markdown report: `sysd report --format markdown` and the editor's "Show report". */
import type { Analysis } from '../index';
import { LineIndex } from '../line-index';
import { componentRows, systemSummary, TABLE_HEADER } from './table';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownReport(analysis: Analysis, file: string): string {
  const out: string[] = [`# sysd report: ${file}`, ''];
  const index = new LineIndex(analysis.text);
  analysis.systems.forEach((figures, i) => {
    const model = analysis.model.systems[i];
    out.push(`## System \`${figures.name}\`${model.label ? ` — ${cell(model.label)}` : ''}`, '');
    out.push(...systemSummary(figures).map((l) => `- ${cell(l)}`), '');
    out.push(`| ${TABLE_HEADER.join(' | ')} |`, `|${TABLE_HEADER.map(() => ' --- ').join('|')}|`);
    for (const row of componentRows(model, figures)) out.push(`| ${row.map(cell).join(' | ')} |`);
    out.push('');
    const findings = figures.diagnostics;
    if (findings.length) {
      out.push('### Findings', '');
      for (const d of findings) {
        const at = index.position(d.range.start);
        out.push(`- **${d.severity}** \`${d.code}\` (line ${at.line + 1}): ${cell(d.message)}`);
      }
      out.push('');
    }
  });
  if (analysis.systems.length === 0) out.push('No system in this file.', '');
  return out.join('\n');
}
