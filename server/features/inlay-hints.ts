/**
 * An inlay hint after each component header: the component's availability
 * and, when it declares a capacity, its utilisation at peak (`99.99% · 62%`).
 * Entries get their end-to-end availability instead.
 */
import { InlayHintKind, type InlayHint, type Range as LspRange } from 'vscode-languageserver';
import { formatAvailability, formatPercent } from '../../core/format';
import { ownAvailability } from '../../core/figure';
import type { Snapshot } from '../documents';
import { viewOf } from '../../core/lookup';

export function inlayHints(snapshot: Snapshot, visible?: LspRange): InlayHint[] {
  const { analysis, lines } = snapshot;
  const from = visible ? lines.offset(visible.start) : 0;
  const to = visible ? lines.offset(visible.end) : snapshot.text.length;
  const hints: InlayHint[] = [];
  for (const system of analysis.ast.systems) {
    if (system.range.end < from || system.range.start > to) continue;
    const view = viewOf(analysis, system);
    if (!view?.figures) continue;
    const figures = new Map(view.figures.components.map((c) => [c.name, c]));
    const entries = new Map(view.figures.entries.map((e) => [e.name, e]));
    for (const component of view.model.components) {
      const at = component.headerRange.end;
      if (at < from || at > to) continue;
      let label: string | undefined;
      let tooltip: string | undefined;
      if (component.isEntry) {
        const entry = entries.get(component.name);
        if (entry) (label = formatAvailability(entry.availability)), (tooltip = 'Availability of this entry, end to end');
      } else {
        const f = figures.get(component.name);
        if (!f) continue;
        label = formatAvailability(ownAvailability(f));
        tooltip = 'Availability of the component';
        if (f.utilisation !== undefined) {
          label += ` · ${formatPercent(f.utilisation)}`;
          tooltip += ' · utilisation at peak';
        }
      }
      if (label) hints.push({ position: lines.position(at), label, kind: InlayHintKind.Type, paddingLeft: true, tooltip });
    }
  }
  return hints;
}
