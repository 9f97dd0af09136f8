/**
 * The plain-data diagnostic shared by grammar, core, the CLI and the server.
 * Ranges are UTF-16 offsets into the source text (end exclusive), so they map
 * directly onto LSP positions through a LineIndex and onto 1-based CLI columns.
 */
import type { DiagnosticCode } from './codes';

/** The severities, declared once (docs/language.md §9). */
export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a `lint` block may set a code to: a severity, or `off`. */
export const LINT_SEVERITIES = [...SEVERITIES, 'off'] as const;

export interface Range {
  start: number;
  end: number;
}

export interface RelatedInfo {
  message: string;
  range: Range;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedInfo[];
  /**
   * Machine-readable detail for quick fixes (for example the "did you mean"
   * name). A `fix` entry (`SuggestedFix`) is a text edit the finding itself
   * proposes; the editor offers it as the preferred quick fix. A `fixes`
   * entry (`SuggestedFix[]`) lists equal choices (`20ms` or `20s`), none
   * preferred.
   */
  data?: Record<string, unknown>;
}

/** An edit a diagnostic proposes, in source offsets: `data: { fix }`. */
export interface SuggestedFix {
  title: string;
  edits: { range: Range; newText: string }[];
}

function isSuggestedFix(value: unknown): value is SuggestedFix {
  const fix = value as SuggestedFix | undefined;
  return (
    typeof fix?.title === 'string' &&
    Array.isArray(fix.edits) &&
    fix.edits.every((e) => typeof e?.newText === 'string' && typeof e.range?.start === 'number' && typeof e.range?.end === 'number')
  );
}

/** The edits a diagnostic proposes itself (`data.fix`, then `data.fixes`), with whether each is the preferred one. */
export function suggestedFixes(data: unknown): { fix: SuggestedFix; preferred: boolean }[] {
  const d = (data ?? {}) as { fix?: unknown; fixes?: unknown };
  const out: { fix: SuggestedFix; preferred: boolean }[] = [];
  if (isSuggestedFix(d.fix)) out.push({ fix: d.fix, preferred: true });
  if (Array.isArray(d.fixes)) for (const f of d.fixes) if (isSuggestedFix(f)) out.push({ fix: f, preferred: false });
  return out;
}

/** One edit that replaces `range` with `newText`, as a fix titled `title`. */
export function replaceFix(title: string, range: Range, newText: string): SuggestedFix {
  return { title, edits: [{ range: { start: range.start, end: range.end }, newText }] };
}
