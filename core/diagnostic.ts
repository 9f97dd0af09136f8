/**
 * The plain-data diagnostic shared by grammar, core, the CLI and the server.
 * Ranges are UTF-16 offsets into the source text (end exclusive), so they map
 * directly onto LSP positions through a LineIndex and onto 1-based CLI columns.
 */
import type { DiagnosticCode } from './codes';
import type { FindingData } from './finding-data';

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

/** A diagnostic of code `C` (any code by default), with the data that code carries (core/finding-data.ts). */
export interface Diagnostic<C extends DiagnosticCode = DiagnosticCode> {
  code: C;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedInfo[];
    /**
   * Machine-readable detail for quick fixes, typed per code
   * (core/finding-data.ts): a "did you mean" name, a size, or an edit the
   * finding proposes itself (`fix`, preferred; `fixes`, equal choices).
   */
  data?: FindingData<C>;
}

/** Narrows a diagnostic to its code, and so its `data` to that code's (core/finding-data.ts). */
export function hasCode<C extends DiagnosticCode>(d: Diagnostic, code: C): d is Diagnostic<C> {
  return d.code === code;
}

/** An edit a diagnostic proposes, in source offsets: `data: { fix }`. */
export interface SuggestedFix {
  title: string;
  edits: { range: Range; newText: string }[];
}

/** The edits a diagnostic proposes itself (`data.fix`, then `data.fixes`), with whether each is the preferred one. */
export function suggestedFixes(data: FindingData<DiagnosticCode> | undefined): { fix: SuggestedFix; preferred: boolean }[] {
  const out: { fix: SuggestedFix; preferred: boolean }[] = [];
  if (data && 'fix' in data && data.fix) out.push({ fix: data.fix, preferred: true });
  if (data && 'fixes' in data && data.fixes) for (const f of data.fixes) out.push({ fix: f, preferred: false });
  return out;
}

/** One edit that replaces `range` with `newText`, as a fix titled `title`. */
export function replaceFix(title: string, range: Range, newText: string): SuggestedFix {
  return { title, edits: [{ range: { start: range.start, end: range.end }, newText }] };
}
