/**
 * The markdown report shown by `sysd.showReport`: per system, the summary
 * against its objectives, the entries, a table of components and the
 * findings. Every figure comes from core; this file only lays them out.
 */
import { formatAvailability, formatDowntimes, formatLatency, formatPercent, formatRate } from '../../core/format';
import type { Snapshot } from '../documents';
import { systemSummary } from './code-lens';
import { viewOf } from '../../core/lookup';

/** Pipes and line breaks would break a table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function reportMarkdown(snapshot: Snapshot, fileName: string): string {
  const { analysis, lines } = snapshot;
  const out: string[] = [`# sysd report — ${fileName}`, ''];
  if (analysis.ast.systems.length === 0) out.push('This file declares no system.', '');
  analysis.ast.systems.forEach((system, index) => {
    const view = viewOf(analysis, system);
    if (!view) return;
    const { model, figures } = view;
    out.push(`## ${model.name}${model.label ? ` — ${cell(model.label)}` : ''}`, '', systemSummary(snapshot, index) ?? '', '');
    if (figures?.availability !== undefined) {
      const down = formatDowntimes(figures.availability);
      out.push(`Downtime: ${down.year} · ${down.month} · ${down.week}`, '');
    }
    if (figures?.entries.length) {
      out.push('| entry | availability | latency | path |', '| --- | ---: | ---: | --- |');
      for (const e of figures.entries) {
        out.push(`| ${e.name} | ${formatAvailability(e.availability)} | ${formatLatency(e.latency)} | ${cell(e.latencyPath.join(' → '))} |`);
      }
      out.push('');
    }
    if (figures?.components.length) {
      out.push('| component | kind | availability | replicas | peak load | capacity | utilisation | SPOF |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
      for (const c of figures.components) {
        const m = model.componentsByName.get(c.name);
        if (!m || m.isEntry) continue;
        out.push(`| ${c.name} | ${m.kind} | ${formatAvailability(c.availability)} | ${m.replicas} | ${formatRate(c.peakLoad)} | ${c.capacity !== undefined ? formatRate(c.capacity) : '—'} | ${c.utilisation !== undefined ? formatPercent(c.utilisation) : '—'} | ${c.spof ? `yes (${cell(c.breaks.join(', '))})` : ''} |`);
      }
      out.push('');
    }
    const findings = analysis.diagnostics.filter((d) => d.range.start >= system.range.start && d.range.start <= system.range.end);
    if (findings.length) {
      out.push('### Findings', '');
      for (const d of findings) {
        const at = lines.position(d.range.start);
        out.push(`- **${d.severity}** \`${d.code}\` (line ${at.line + 1}): ${d.message}`);
      }
      out.push('');
    }
  });
  const outside = analysis.diagnostics.filter((d) => !analysis.ast.systems.some((s) => d.range.start >= s.range.start && d.range.start <= s.range.end));
  if (outside.length) {
    out.push('## Other findings', '');
    for (const d of outside) out.push(`- **${d.severity}** \`${d.code}\` (line ${lines.position(d.range.start).line + 1}): ${d.message}`);
    out.push('');
  }
  return out.join('\n');
}
