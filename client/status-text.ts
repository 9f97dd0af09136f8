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

type Verdict = NonNullable<StatusParams['systems'][number]['sloVerdict']>;
/** The verdict was decided by core; the client only words it. */
const MARK: Record<Verdict, string> = { met: '✓', unmet: '✗', undecided: '?' };
const WORDS: Record<Verdict, string> = { met: 'met', unmet: 'not met', undecided: 'undecided: the estimate straddles it' };

export function statusText(status: StatusParams): StatusText {
  const many = status.systems.length > 1;
  const parts = status.systems.map((s) => `${many ? `${s.name} ` : ''}${s.availability ?? '—'}${s.sloVerdict ? ` ${MARK[s.sloVerdict]}` : ''}`);
  const errors = status.errors > 0 ? ` $(error) ${status.errors}` : '';
  const lines = status.systems.map((s) => `${s.name}: ${s.availability ?? 'no figure'}${s.slo ? ` (SLO ${s.slo}, ${WORDS[s.sloVerdict ?? 'unmet']})` : ''}`);
  lines.push(`${status.errors} error${status.errors === 1 ? '' : 's'}, ${status.warnings} warning${status.warnings === 1 ? '' : 's'} (analysed in ${status.analysisMs} ms) — click for the report`);
  return {
    text: `$(pulse) ${parts.join(' · ') || 'no system'}${errors}`,
    tooltip: lines.join('\n'),
    attention: status.errors > 0 || status.systems.some((s) => s.sloVerdict !== undefined && s.sloVerdict !== 'met'),
  };
}
