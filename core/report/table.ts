/**
 * The per-component table of `sysd report` and of the editor's report view:
 * one row per component with the figures a design review asks about.
 */
import type { Analysis } from '../index';
import { formatAvailability, formatDowntimes, formatLatency, formatPercent, formatRate, formatVerdict } from '../format';
import { exact, ownAvailability } from '../figure';
import type { Verdict } from '../analysis/verdict';
import type { SystemFigures } from '../analysis/types';
import type { SystemModel } from '../model/types';
import { printable } from '../../grammar/printable';

export const TABLE_HEADER = ['component', 'kind', 'replicas', 'availability', 'downtime/yr', 'load (peak)', 'utilisation', 'SPOF'];

/** User text (names) goes through `user`, so the markdown report can escape it and only it. */
type UserText = (text: string) => string;
const plain: UserText = (text) => text;

export function componentRows(model: SystemModel, figures: SystemFigures, user: UserText = plain): string[][] {
  return figures.components.map((c) => {
    const m = model.componentsByName.get(c.name)!;
    const replicas = m.isEntry ? '' : `${m.replicas}${m.mode === 'active-passive' ? ' (a-p)' : ''}${m.minUp > 1 ? ` min ${m.minUp}` : ''}`;
    // A component's own availability is a closed form (docs/language.md §6), always exact.
    const availability = ownAvailability(c);
    return [
      user(c.name),
      m.kind,
      replicas,
      m.isEntry ? '' : formatAvailability(availability),
      m.isEntry ? '' : formatDowntimes(availability).year.replace('/yr', ''),
      c.peakLoad > 0 ? `${formatRate(c.load)} (${formatRate(c.peakLoad)})` : '',
      c.utilisation === undefined ? '' : formatPercent(c.utilisation),
      c.spof ? `yes: ${c.breaks.map(user).join(', ')}` : '',
    ];
  });
}

/**
 * The summary lines of a system, shared by the text and the markdown report:
 * availability against the SLO with core's verdict, how an estimate was
 * made, downtime, the latency objective and each entry.
 */
export function systemSummary(figures: SystemFigures, user: UserText = plain): string[] {
  const lines: string[] = [];
  const a = figures.availability;
  if (a === undefined) lines.push('availability: no figure (the system has no entry)');
  else {
    const d = formatDowntimes(a);
    const slo = figures.slo === undefined || figures.sloVerdict === undefined ? '' : ` · SLO ${formatAvailability(exact(figures.slo))} ${sloWords(figures.sloVerdict)}`;
    lines.push(`availability: ${formatAvailability(a)}${slo}`);
    if (a.exactness.method === 'monte-carlo') lines.push(`estimated by Monte Carlo, ${a.exactness.samples} samples: ${a.exactness.reason}`);
    lines.push(`downtime: ${d.year}, ${d.month}, ${d.week}`);
  }
  if (figures.latencySlo !== undefined && figures.latencySloVerdict !== undefined) {
    lines.push(`latency-slo ${formatLatency(figures.latencySlo)}: ${sloWords(figures.latencySloVerdict)}`);
  }
  for (const e of figures.entries) {
    const mark = e.latencyVerdict === undefined ? '' : ` ${formatVerdict(e.latencyVerdict)}`;
    lines.push(`entry ${user(e.name)}: ${formatAvailability(e.availability)}, latency ${formatLatency(e.latency)}${mark} via ${e.latencyPath.map(user).join(' → ')}`);
  }
  return lines;
}

const sloWords = (v: Verdict) => (v === 'met' ? 'met' : v === 'unmet' ? 'NOT met' : 'undecided (the interval straddles it)');

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
    // A label is user text: its control characters are shown as U+XXXX, so it cannot start a line.
    out.push(`system ${figures.name}${model.label ? ` "${printable(model.label)}"` : ''}`);
    out.push(...systemSummary(figures).map((l) => `  ${l}`));
    out.push('');
    out.push(textTable(TABLE_HEADER, componentRows(model, figures)));
    out.push('');
  });
  return out.join('\n');
}
