/**
 * Core diagnostics as LSP diagnostics: the code links to its entry in the
 * catalogue, related information points at the other places involved (the
 * entries a SPOF breaks, the first declaration of a duplicate), and `data`
 * travels along so quick fixes can read the "did you mean" suggestion.
 */
import {
  DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver';
import { codeUrl } from '../../core/codes';
import type { Diagnostic, Severity } from '../../core/diagnostic';
import type { LineIndex } from '../convert';
import type { Snapshot } from '../documents';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(diagnostic: Diagnostic, uri: string, lines: LineIndex): LspDiagnostic {
  const result: LspDiagnostic = {
    range: lines.range(diagnostic.range),
    severity: SEVERITY[diagnostic.severity] ?? DiagnosticSeverity.Error,
    code: diagnostic.code,
    codeDescription: { href: codeUrl(diagnostic.code) },
    source: 'sysd',
    message: diagnostic.message,
  };
  if (diagnostic.related?.length) {
    result.relatedInformation = diagnostic.related.map((r) => ({
      location: { uri, range: lines.range(r.range) },
      message: r.message,
    }));
  }
  // Greyed out in the editor, as unused code is in other languages.
  if (diagnostic.code === 'unreachable') result.tags = [DiagnosticTag.Unnecessary];
  if (diagnostic.data) result.data = { ...diagnostic.data, sysdCode: diagnostic.code };
  return result;
}

export function diagnosticsOf(snapshot: Snapshot): LspDiagnostic[] {
  return snapshot.analysis.diagnostics.map((d) => toLspDiagnostic(d, snapshot.uri, snapshot.lines));
}
