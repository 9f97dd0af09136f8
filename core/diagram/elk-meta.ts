/**
 * The words and figures each diagram element carries: captions, the figures
 * line, badges and tooltips. Kept apart from the graph building so the
 * choice of what a reader sees can change without touching the layout code.
 * Numbers go through core/format.ts, so the diagram reads exactly like the
 * hover, the report and the CLI.
 */
import type { ComponentFigures, EntryFigures, GroupFigures, SystemFigures } from '../analysis/types';
import type { ComponentModel, EdgeModel, GroupModel } from '../model/types';
import { formatAvailability, formatCount, formatLatency, formatPercent, formatRate, formatVerdict } from '../format';
import { exact, ownAvailability } from '../figure';
import { utilisationLevel } from '../analysis/verdict';
import type { Badge, ComponentMeta, GroupMeta } from './graph-types';

const span = (r: { start: number; end: number } | undefined): [number, number] => [r?.start ?? 0, r?.end ?? 0];

/** Which badges a component earns; overload wins over hot since it implies it. */
export function badgesFor(c: ComponentModel, f: ComponentFigures | undefined, maxUtilisation: number): Badge[] {
  const out: Badge[] = [];
  if (f?.spof) out.push('spof');
  // The level core decided (core/analysis/verdict.ts), so a badge agrees with the overload and hot findings.
  const level = f?.utilisation === undefined ? undefined : f.utilisationLevel ?? utilisationLevel(f.utilisation, maxUtilisation);
  if (level === 'overload') out.push('overload');
  else if (level === 'hot') out.push('hot');
  return out;
}

export function componentMeta(
  c: ComponentModel,
  f: ComponentFigures | undefined,
  entry: EntryFigures | undefined,
  maxUtilisation: number,
  withFigures: boolean,
): ComponentMeta {
  const label = c.label && c.label !== c.name ? c.label : c.name;
  const caption = label === c.name ? c.kind : `${c.kind} · ${c.name}`;
  let figures: string | undefined;
  if (withFigures) {
    const parts: string[] = [];
    if (c.isEntry) {
      if (c.rps !== undefined) parts.push(formatRate(c.rps));
      if (entry) parts.push(formatAvailability(entry.availability));
    } else {
      if (c.replicas > 1) parts.push(`×${c.replicas}`);
      if (f) parts.push(formatAvailability(ownAvailability(f)));
      if (f?.utilisation !== undefined) parts.push(formatPercent(f.utilisation));
    }
    figures = parts.join(' · ') || undefined;
  }
  return {
    type: 'component',
    name: c.name,
    kind: c.kind,
    caption,
    label,
    figures,
    badges: c.isEntry ? [] : badgesFor(c, f, maxUtilisation),
    title: componentTitle(c, f, entry),
    range: span(c.range),
    nameRange: span(c.nameRange),
  };
}

function componentTitle(c: ComponentModel, f: ComponentFigures | undefined, entry: EntryFigures | undefined): string {
  const lines = [`${c.kind} ${c.name}${c.label ? ` "${c.label}"` : ''}`];
  if (c.isEntry) {
    if (c.rps !== undefined) lines.push(`${formatRate(c.rps)}, peak ${formatRate(c.peak ?? c.rps)}`);
    if (entry) lines.push(`availability ${formatAvailability(entry.availability)}, latency ${formatLatency(entry.latency)}`);
  } else {
    lines.push(`${c.replicas} × ${c.mode}${c.zones.length ? ` in ${c.zones.join(', ')}` : ''}`);
    if (f) {
      lines.push(`availability ${formatAvailability(ownAvailability(f))} (one instance ${formatAvailability(exact(f.instanceAvailability))})`);
      const util = f.utilisation !== undefined ? ` (${formatPercent(f.utilisation)} at peak)` : '';
      const cap = f.capacity !== undefined ? `, capacity ${formatRate(f.capacity)}${util}` : '';
      lines.push(`load ${formatRate(f.load)}, peak ${formatRate(f.peakLoad)}${cap}`);
      if (f.spof) lines.push(`single point of failure for ${f.breaks.join(', ') || 'an entry'}`);
    }
  }
  for (const extra of [c.technology, c.description, c.owner && `owner: ${c.owner}`]) if (extra) lines.push(extra);
  return lines.join('\n');
}

export function groupMeta(g: GroupModel, f: GroupFigures | undefined): GroupMeta {
  const label = g.label && g.label !== g.name ? `${g.label} (${g.name})` : g.name;
  const badges: Badge[] = f && f.breaks.length > 0 ? ['spof'] : [];
  const lines = [`${g.type} ${g.name}${g.label ? ` "${g.label}"` : ''}`];
  if (g.availability !== undefined) lines.push(`availability ${formatAvailability(exact(g.availability))}`);
  if (badges.length) lines.push(`its failure alone takes down ${f!.breaks.join(', ')}`);
  return { type: g.type, name: g.name, label: `${g.type} ${label}`, badges, title: lines.join('\n'), range: span(g.range), nameRange: span(g.nameRange) };
}

/** The text written on an edge: its label, then a share or call count that differs from 1. */
export function edgeLabelText(e: EdgeModel): string | undefined {
  const parts: string[] = [];
  if (e.label) parts.push(e.label);
  if (e.share !== 1) parts.push(formatPercent(e.share));
  if (e.calls !== 1) parts.push(`×${formatCount(e.calls)}`);
  return parts.length ? parts.join(' · ') : undefined;
}

export function edgeTitle(e: EdgeModel): string {
  const arrow = e.kind === 'async' ? '~>' : '->';
  const flags = [e.optional && 'optional', e.alternative && 'alternative', e.breaker && 'breaker', e.timeout !== undefined && `timeout ${e.timeout}s`, e.retries > 0 && `retries ${e.retries}`, e.protocol];
  const rest = flags.filter(Boolean).join(', ');
  return `${e.from} ${arrow} ${e.to}${e.label ? ` "${e.label}"` : ''}${rest ? ` (${rest})` : ''}`;
}

export function systemSummary(f: SystemFigures): string | undefined {
  if (f.availability === undefined) return undefined;
  const parts = [`availability ${formatAvailability(f.availability)}`];
  if (f.slo !== undefined) parts.push(`SLO ${formatAvailability(exact(f.slo))}${f.sloVerdict ? ` ${formatVerdict(f.sloVerdict)}` : ''}`);
  if (f.availability.exactness.method === 'monte-carlo') parts.push('Monte Carlo estimate');
  return parts.join(' · ');
}
