/**
 * The one markdown report: `sysd report --format markdown` prints it and the
 * editor's "Show Report" renders it, byte for byte the same. Per system: the
 * summary with core's verdicts, the component table and every finding in the
 * system's text (syntax and model findings as well as rules); findings
 * outside any system come last. User text is escaped
 * (core/report/escape-markdown.ts), so a label cannot add images, links or
 * lines to the report.
 */
import type { Diagnostic } from '../diagnostic';
import type { Analysis } from '../index';
import { LineIndex } from '../line-index';
import { viewOf } from '../lookup';
import { escapeMarkdown } from './escape-markdown';
import { componentRows, systemSummary, TABLE_HEADER } from './table';

export function markdownReport(analysis: Analysis, file: string): string {
  const out: string[] = [`# sysd report: ${escapeMarkdown(file)}`, ''];
  const index = new LineIndex(analysis.text);
  const finding = (d: Diagnostic) =>
    `- **${d.severity}** \`${d.code}\` (line ${index.position(d.range.start).line + 1}): ${escapeMarkdown(d.message)}`;
  const inside = new Set<Diagnostic>();
  for (const system of analysis.ast.systems) {
    const view = viewOf(analysis, system);
    const here = analysis.diagnostics.filter((d) => d.range.start >= system.range.start && d.range.start <= system.range.end);
    for (const d of here) inside.add(d);
    if (!view) continue;
    const { model, figures } = view;
    out.push(`## System \`${model.name}\`${model.label ? ` — ${escapeMarkdown(model.label)}` : ''}`, '');
    if (figures) {
      out.push(...systemSummary(figures, escapeMarkdown).map((l) => `- ${l}`), '');
      out.push(`| ${TABLE_HEADER.join(' | ')} |`, `|${TABLE_HEADER.map(() => ' --- ').join('|')}|`);
      for (const row of componentRows(model, figures, escapeMarkdown)) out.push(`| ${row.join(' | ')} |`);
      out.push('');
    } else out.push('- no figures: the analysis of this system did not finish', '');
    if (here.length) out.push('### Findings', '', ...here.map(finding), '');
  }
  if (analysis.model.systems.length === 0) out.push('No system in this file.', '');
  const outside = analysis.diagnostics.filter((d) => !inside.has(d));
  if (outside.length) out.push('## Other findings', '', ...outside.map(finding), '');
  return out.join('\n');
}
