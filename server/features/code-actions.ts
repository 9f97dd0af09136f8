/**
 * Quick fixes: the fixes core/fixes.ts computes for each sysd diagnostic in
 * the request, as LSP code actions (the list of what is fixed how is there).
 */
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { fixesFor, type Fix } from '../../core/fixes';
import type { Snapshot } from '../documents';

function toAction(snapshot: Snapshot, diagnostic: LspDiagnostic, fix: Fix): CodeAction {
  const edits = fix.edits.map((e) => ({ range: snapshot.lines.range(e.range), newText: e.newText }));
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: { changes: { [snapshot.uri]: edits } } };
}

export function codeActions(snapshot: Snapshot, diagnostics: LspDiagnostic[]): CodeAction[] {
  return diagnostics
    .filter((d) => d.source === 'sysd' || d.source === undefined)
    .flatMap((d) => {
      const target = { code: d.code, range: snapshot.lines.fromLsp(d.range), data: d.data };
      return fixesFor(snapshot, target).map((fix) => toAction(snapshot, d, fix));
    });
}
