/**
 * What the status bar item says for one document's `sysd/status`: plain data,
 * no `vscode`, so the wording is unit-tested. The ✓/✗ after a figure is about
 * the SLO only; errors are counted in the text itself, so a warning-coloured
 * item always shows why it is coloured.
 */
import type { StatusParams } from '../protocol/requests';

export interface StatusText {
  text: string;
  tooltip: string;
  /** Colour the item as a warning: the file has errors or a system misses its SLO. */
  attention: boolean;
}

export function statusText(status: StatusParams): StatusText {
  const many = status.systems.length > 1;
  const parts = status.systems.map((s) => `${many ? `${s.name} ` : ''}${s.availability ?? '—'}${s.meetsSlo === undefined ? '' : s.meetsSlo ? ' ✓' : ' ✗'}`);
  const errors = status.errors > 0 ? ` $(error) ${status.errors}` : '';
  const lines = status.systems.map((s) => `${s.name}: ${s.availability ?? 'no figure'}${s.slo ? ` (SLO ${s.slo}${s.meetsSlo ? ', met' : ', not met'})` : ''}`);
  lines.push(`${status.errors} error${status.errors === 1 ? '' : 's'}, ${status.warnings} warning${status.warnings === 1 ? '' : 's'} (analysed in ${status.analysisMs} ms) — click for the report`);
  return {
    text: `$(pulse) ${parts.join(' · ') || 'no system'}${errors}`,
    tooltip: lines.join('\n'),
    attention: status.errors > 0 || status.systems.some((s) => s.meetsSlo === false),
  };
}
