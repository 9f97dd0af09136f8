/**
 * Hovers. On a component: its figures from core, with "(default)" after every
 * assumed value. On a property key: its documentation from the schema. On a
 * percentage of availability: the downtime it allows. On a system: the summary
 * against its objectives. On a zone or region: what its failure breaks.
 */
import type { Hover } from 'vscode-languageserver';
import { codeSpec } from '../../core/codes';
import {
  formatAvailability, formatDowntimes, formatDuration, formatLatency, formatPercent, formatRate, formatVerdict,
} from '../../core/format';
import { describeLoss } from '../../core/analysis/headroom-loss';
import { IGNORE } from '../../core/model/ignores';
import { storesData } from '../../core/model/kinds';
import { exact, ownAvailability } from '../../core/figure';
import type { Verdict } from '../../core/analysis/verdict';
import { escapeMarkdown as md } from '../../core/report/escape-markdown';
import { KIND_DOCS, describeDefault, describeType, propertySpec, type Place } from '../../core/model/schema';
import type { ComponentKind } from '../../core/model/types';
import type { Snapshot } from '../documents';
import { componentFigures, viewAt, type SystemView } from '../../core/lookup';
import { indexOf, type NodePath } from '../../core/syntax-index';

const AVAILABILITY_KEYS = new Set(['availability', 'slo', 'sla']);

function hover(snapshot: Snapshot, markdown: string, range: { start: number; end: number }): Hover {
  return { contents: { kind: 'markdown', value: markdown }, range: snapshot.lines.range(range) };
}

export function componentHover(view: SystemView, name: string): string | undefined {
  const c = view.model.componentsByName.get(name);
  if (!c) return undefined;
  const f = componentFigures(view, name);
  const dflt = (key: string) => (c.assumed.has(key) ? ' (default)' : '');
  const lines: string[] = [`**${c.kind} ${md(c.name)}**${c.label ? ` — ${md(c.label)}` : ''}`, ''];
  if (c.description) lines.push(md(c.description), '');
  if (c.isEntry) {
    if (c.rps !== undefined) lines.push(`- load: ${formatRate(c.rps)} average · ${formatRate(c.peak ?? c.rps)} peak${dflt('peak')}`);
    const entry = view.figures?.entries.find((e) => e.name === name);
    if (entry) {
      lines.push(`- availability: ${formatAvailability(entry.availability)} · downtime ${formatDowntimes(entry.availability).year}`);
      if (entry.availability.exactness.method === 'monte-carlo') lines.push(`- estimated by Monte Carlo, ${entry.availability.exactness.samples} samples`);
      const objective = entry.latencyVerdict && view.model.latencySlo !== undefined ? ` · latency-slo ${formatLatency(view.model.latencySlo)} ${formatVerdict(entry.latencyVerdict)}` : '';
      lines.push(`- latency: ${formatLatency(entry.latency)}${entry.latencyPath.length ? ` via ${entry.latencyPath.map(md).join(' → ')}` : ''}${objective}`);
    }
  } else {
    if (f) {
      // A component's own availability is a closed form (docs/language.md §6): exact.
      const availability = ownAvailability(f);
      const down = formatDowntimes(availability);
      lines.push(`- availability: **${formatAvailability(availability)}** · one instance ${formatAvailability(exact(f.instanceAvailability))}${dflt('availability')}`);
      lines.push(`- downtime: ${down.year} · ${down.month}`);
    } else {
      lines.push(`- instance availability: ${formatAvailability(exact(c.availability))}${dflt('availability')}`);
    }
    const standby = c.mode === 'active-passive' ? ` · ${c.standby}${dflt('standby')} standby, failover ${formatDuration(c.failover)}${dflt('failover')}` : '';
    lines.push(`- replicas: ${c.replicas}${dflt('replicas')} · ${c.mode}${dflt('mode')}${c.minUp > 1 ? ` · min-up ${c.minUp}` : ''}${standby}`);
    if (storesData(c.kind)) lines.push(`- replication: ${c.replication}${dflt('replication')}`);
    if (c.zones.length) lines.push(`- zones: ${c.zones.map(md).join(', ')}`);
    if (f) {
      lines.push(`- load: ${formatRate(f.load)} average · ${formatRate(f.peakLoad)} peak`);
      if (f.capacity !== undefined) {
        lines.push(`- capacity: ${formatRate(f.capacity)}${c.capacity !== undefined ? ` (${formatRate(c.capacity)} per instance)` : ''}`);
      } else {
        lines.push('- capacity: not declared');
      }
      if (f.utilisation !== undefined) lines.push(`- utilisation at peak: ${formatPercent(f.utilisation)}`);
      if (f.headroomUtilisation !== undefined) {
        lines.push(`- headroom: ${formatPercent(f.headroomUtilisation)} at peak with ${md(describeLoss(f.headroomLoss ?? { kind: 'instance' }))} lost`);
      }
      if (f.cacheFailureUtilisation !== undefined) lines.push(`- if the cache in front fails: ${formatPercent(f.cacheFailureUtilisation)} at peak`);
      lines.push(`- latency: ${formatLatency(c.latency)}${dflt('latency')} here · ${formatLatency(f.latency)} from here onward`);
      lines.push(f.spof
        ? '- **single point of failure**: one failure takes entries down'
        : f.breaks.length ? '- not a single point of failure: it can lose an instance' : '- not a single point of failure');
      // The blast radius is what a complete failure of the component takes down, SPOF or not.
      if (f.breaks.length) lines.push(`- blast radius: ${f.breaks.map(md).join(', ')} (${f.breaks.length} of ${view.figures?.entries.length ?? f.breaks.length} entries)`);
    } else {
      lines.push(`- latency: ${formatLatency(c.latency)}${dflt('latency')}`);
    }
  }
  for (const [key, value] of [['technology', c.technology], ['owner', c.owner]] as const) {
    if (value) lines.push(`- ${key}: ${md(value)}`);
  }
  return lines.join('\n');
}

/** On a zone or region (that is not also a component's name): its availability and what its failure breaks. */
export function groupHover(view: SystemView, name: string): string | undefined {
  const group = view.model.groupsByName.get(name);
  if (!group || view.model.componentsByName.has(name)) return undefined;
  const g = view.figures?.groups.find((x) => x.name === group.name);
  const lines = [`**${group.type} ${md(group.name)}**${group.label ? ` — ${md(group.label)}` : ''}`, ''];
  lines.push(group.availability !== undefined
    ? `- availability: ${formatAvailability(exact(group.availability))} · downtime ${formatDowntimes(exact(group.availability)).year}`
    : '- availability: not declared (the group never fails in the figures)');
  if (group.zones.length) lines.push(`- zones: ${group.zones.map(md).join(', ')}`);
  if (g?.breaks.length) lines.push(`- **its failure alone breaks** ${g.breaks.map(md).join(', ')}`);
  return lines.join('\n');
}

export function systemHover(view: SystemView): string {
  const { model, figures } = view;
  const lines = [`**system ${md(model.name)}**${model.label ? ` — ${md(model.label)}` : ''}`, ''];
  const a = figures?.availability;
  if (a !== undefined) {
    const verdict = model.slo === undefined || !figures?.sloVerdict ? '' : ` · SLO ${formatAvailability(exact(model.slo))} ${verdictText(figures.sloVerdict)}`;
    lines.push(`- availability: **${formatAvailability(a)}**${verdict}`);
    const down = formatDowntimes(a);
    lines.push(`- downtime: ${down.year} · ${down.month} · ${down.week}`);
    if (a.exactness.method === 'monte-carlo') lines.push(`- estimated by Monte Carlo (${a.exactness.samples} samples): ${a.exactness.reason}`);
  } else {
    lines.push('- availability: no figure (the system has no `users` entry)');
  }
  if (model.sla !== undefined) lines.push(`- SLA: ${formatAvailability(exact(model.sla))}`);
  for (const entry of figures?.entries ?? []) {
    const slo = entry.latencyVerdict && model.latencySlo !== undefined ? ` ${formatVerdict(entry.latencyVerdict)} (latency-slo ${formatLatency(model.latencySlo)})` : '';
    lines.push(`- entry ${md(entry.name)}: ${formatAvailability(entry.availability)} · ${formatLatency(entry.latency)}${slo}`);
  }
  const spofs = figures?.components.filter((c) => c.spof).map((c) => md(c.name)) ?? [];
  if (spofs.length) lines.push(`- single points of failure: ${spofs.join(', ')}`);
  return lines.join('\n');
}

/** Core's verdict in words, bold when it needs attention. */
function verdictText(v: Verdict): string {
  return v === 'met' ? 'met ✓' : v === 'unmet' ? '**not met** ✗' : '**undecided** ? (the interval straddles it)';
}

function propertyHover(path: NodePath): string | undefined {
  const key = path.property!.key.text;
  if (path.lint) {
    const spec = codeSpec(key);
    return spec ? `**${key}** (default ${spec.severity})\n\n${spec.summary}` : undefined;
  }
  const place: Place = path.component ? 'component' : path.edge ? 'edge' : path.groups.length ? 'group' : 'system';
  const spec = propertySpec(place, key);
  if (!spec) return undefined;
  const lines = [`**${key}** — ${describeType(spec)}`, '', spec.doc];
  if (spec.default !== undefined) lines.push('', `Default: ${describeDefault(spec)}`);
  if (spec.kinds && path.component) lines.push('', `Only for: ${spec.kinds.join(', ')}`);
  return lines.join('\n');
}

/** Over a code in a `// sysd-ignore` comment: what that code is about, as in a lint block. */
function ignoredCodeHover(snapshot: Snapshot, offset: number): Hover | null {
  const comment = snapshot.analysis.ast.comments.find((c) => !c.block && c.range.start <= offset && offset <= c.range.end);
  const match = comment && IGNORE.exec(comment.text);
  if (!comment || !match) return null;
  const words = /[a-z-]+/g;
  words.lastIndex = comment.text.length - match[1].length;
  for (let m = words.exec(comment.text); m; m = words.exec(comment.text)) {
    const start = comment.range.start + m.index;
    if (offset < start || offset > start + m[0].length) continue;
    const spec = codeSpec(m[0]);
    return spec ? hover(snapshot, `**${m[0]}** (default ${spec.severity}), silenced for the statement below\n\n${spec.summary}`, { start, end: start + m[0].length }) : null;
  }
  return null;
}

export function hoverAt(snapshot: Snapshot, offset: number): Hover | null {
  const ignored = ignoredCodeHover(snapshot, offset);
  if (ignored) return ignored;
  const { analysis } = snapshot;
  const index = indexOf(analysis.ast);
  const occurrence = index.at(offset);
  if (occurrence) {
    if (occurrence.kind === 'system') {
      const systemIndex = analysis.ast.systems.findIndex((s) => s.name?.range.start === occurrence.range.start);
      const view = viewAt(analysis, systemIndex);
      return view ? hover(snapshot, systemHover(view), occurrence.range) : null;
    }
    const view = viewAt(analysis, occurrence.system);
    if (!view) return null;
    const group = groupHover(view, occurrence.name);
    if (group) return hover(snapshot, group, occurrence.range);
    const text = componentHover(view, occurrence.name);
    return text ? hover(snapshot, text, occurrence.range) : null;
  }
  const path = index.pathAt(offset);
  if (path.component && path.component.type.range.start <= offset && offset <= path.component.type.range.end) {
    const doc = KIND_DOCS[path.component.type.text as ComponentKind];
    return doc ? hover(snapshot, `**${path.component.type.text}**\n\n${doc}`, path.component.type.range) : null;
  }
  if (!path.property) return null;
  const key = path.property.key;
  if (key.range.start <= offset && offset <= key.range.end) {
    const text = propertyHover(path);
    return text ? hover(snapshot, text, key.range) : null;
  }
  const value = path.value;
  if (value?.type === 'number' && value.unit === '%' && AVAILABILITY_KEYS.has(key.text) && !path.lint) {
    // The raw text is read, not value.value, so the hover never depends on how the AST scales percentages.
    const fraction = Number.parseFloat(value.raw) / 100;
    if (!Number.isFinite(fraction)) return null;
    const down = formatDowntimes(exact(fraction));
    return hover(snapshot, `**${formatAvailability(exact(fraction))}** allows ${down.year} · ${down.month} · ${down.week} of downtime`, value.range);
  }
  return null;
}
