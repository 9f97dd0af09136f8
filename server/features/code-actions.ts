/**
 * Quick fixes: the fixes core/fixes.ts computes for each sysd diagnostic in
 * the request, as LSP code actions (the list of what is fixed how is there).
 */
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { fixesFor, fixFailure, type Fix, type FixTarget } from '../../core/fixes';
import type { Snapshot } from '../documents';

function toAction(snapshot: Snapshot, diagnostic: LspDiagnostic, fix: Fix): CodeAction {
  const edits = fix.edits.map((e) => ({ range: snapshot.lines.range(e.range), newText: e.newText }));
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: { changes: { [snapshot.uri]: edits } } };
}

/**
 * The editor sends back the diagnostics it shows, which may belong to an
 * older version of the text than the analysis at hand: their `data` (a
 * syntax error's proposed edit, in offsets) would then edit the wrong
 * place. Each is matched to a finding of the current analysis by code and
 * range (or code and message), and fixed from that; one with no match is
 * stale and gets no fix until the fresh diagnostics arrive.
 */
function current(snapshot: Snapshot, d: LspDiagnostic): FixTarget | undefined {
  const range = snapshot.lines.fromLsp(d.range);
  const all = snapshot.analysis.diagnostics;
  const same = all.find((x) => x.code === d.code && x.range.start === range.start && x.range.end === range.end)
    ?? all.find((x) => x.code === d.code && x.message === d.message);
  return same && { code: same.code, range: same.range, data: same.data };
}

export function codeActions(snapshot: Snapshot, diagnostics: LspDiagnostic[], log?: (message: string) => void): CodeAction[] {
  const failed = (error: unknown, code: FixTarget['code']) => log?.(fixFailure(error, code));
  return diagnostics
    .filter((d) => d.source === 'sysd' || d.source === undefined)
    .flatMap((d) => {
      const target = current(snapshot, d);
      return target ? fixesFor(snapshot, target, log && failed).map((fix) => toAction(snapshot, d, fix)) : [];
    });
}
