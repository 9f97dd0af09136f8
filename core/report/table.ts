/**
 * The per-component table of `sysd report` and of the editor's report view:
 * one row per component with the figures a design review asks about.
 */
import type { Analysis } from '../index';
import { formatAvailability, formatDowntimes, formatLatency, formatPercent, formatRate } from '../format';
import type { SystemFigures } from '../analysis/types';
import type { SystemModel } from '../model/types';

export const TABLE_HEADER = ['component', 'kind', 'replicas', 'availability', 'downtime/yr', 'load (peak)', 'utilisation', 'SPOF'];

export function componentRows(model: SystemModel, figures: SystemFigures): string[][] {
  return figures.components.map((c) => {
    const m = model.componentsByName.get(c.name)!;
    const replicas = m.isEntry ? '' : `${m.replicas}${m.mode === 'active-passive' ? ' (a-p)' : ''}${m.minUp > 1 ? ` min ${m.minUp}` : ''}`;
    return [
      c.name,
      m.kind,
      replicas,
      m.isEntry ? '' : formatAvailability(c.availability),
      m.isEntry ? '' : formatDowntimes(c.availability).year.replace('/yr', ''),
      c.peakLoad > 0 ? `${formatRate(c.load)} (${formatRate(c.peakLoad)})` : '',
      c.utilisation === undefined ? '' : formatPercent(c.utilisation),
      c.spof ? `yes: ${c.breaks.join(', ')}` : '',
    ];
  });
}

export function systemSummary(figures: SystemFigures): string[] {
  const lines: string[] = [];
  if (figures.availability === undefined) lines.push('availability: no figure (the system has no entry)');
  else {
    const d = formatDowntimes(figures.availability);
    const approx = figures.exactness.method === 'monte-carlo' ? ` (Monte Carlo estimate, 95% interval ${formatAvailability(figures.exactness.low)} – ${formatAvailability(figures.exactness.high)}: ${figures.exactness.reason})` : '';
    const slo = figures.slo === undefined ? '' : ` · SLO ${formatAvailability(figures.slo)} ${figures.availability >= figures.slo ? 'met' : 'NOT met'}`;
    lines.push(`availability: ${formatAvailability(figures.availability)}${approx}${slo}`);
    lines.push(`downtime: ${d.year}, ${d.month}, ${d.week}`);
  }
  for (const e of figures.entries) {
    lines.push(`entry ${e.name}: ${formatAvailability(e.availability)}, latency ${formatLatency(e.latency)} via ${e.latencyPath.join(' → ')}`);
  }
  return lines;
}

/** Plain-text table with columns padded to their widest cell. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function textReport(analysis: Analysis): string {
  const out: string[] = [];
  analysis.systems.forEach((figures, i) => {
    const model = analysis.model.systems[i];
    out.push(`system ${figures.name}${model.label ? ` "${model.label}"` : ''}`);
    out.push(...systemSummary(figures).map((l) => `  ${l}`));
    out.push('');
    out.push(textTable(TABLE_HEADER, componentRows(model, figures)));
    out.push('');
  });
  return out.join('\n');
}
