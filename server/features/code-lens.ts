/**
 * A code lens above each system: its availability against the objective and
 * how many warnings it has (`availability 99.953% · SLO 99.95% ✓ · 2 warnings`),
 * which opens the report, and a second lens that opens the preview.
 */
import type { CodeLens } from 'vscode-languageserver';
import { formatAvailability, formatVerdict } from '../../core/format';
import { exact } from '../../core/figure';
import type { Snapshot } from '../documents';
import { viewOf } from '../../core/lookup';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function systemSummary(snapshot: Snapshot, systemIndex: number): string | undefined {
  const system = snapshot.analysis.ast.systems[systemIndex];
  const view = viewOf(snapshot.analysis, system);
  if (!system || !view) return undefined;
  const parts: string[] = [];
  const availability = view.figures?.availability;
  parts.push(availability === undefined ? 'availability —' : `availability ${formatAvailability(availability)}`);
  if (view.model.slo !== undefined) {
    // Core's verdict; without a figure there is nothing to meet the objective with.
    const verdict = view.figures?.sloVerdict;
    parts.push(`SLO ${formatAvailability(exact(view.model.slo))} ${verdict ? formatVerdict(verdict) : '✗'}`);
  }
  // Every diagnostic inside the system's text counts: syntax and model ones as well as rules.
  const inside = snapshot.analysis.diagnostics.filter((d) => d.range.start >= system.range.start && d.range.start <= system.range.end);
  const errors = inside.filter((d) => d.severity === 'error').length;
  const warnings = inside.filter((d) => d.severity === 'warning').length;
  if (errors) parts.push(plural(errors, 'error'));
  parts.push(warnings ? plural(warnings, 'warning') : errors ? '' : 'no warnings');
  return parts.filter(Boolean).join(' · ');
}

export function codeLenses(snapshot: Snapshot): CodeLens[] {
  const lenses: CodeLens[] = [];
  snapshot.analysis.ast.systems.forEach((system, index) => {
    const title = systemSummary(snapshot, index);
    if (!title || !system.name) return;
    const range = snapshot.lines.range(system.name.range);
    lenses.push({ range, command: { title, command: 'sysd.showReport', arguments: [snapshot.uri] } });
    lenses.push({ range, command: { title: 'Open preview', command: 'sysd.openPreview', arguments: [snapshot.uri, system.name.text] } });
  });
  return lenses;
}
