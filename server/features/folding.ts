/**
 * Folding ranges for every block that spans lines (systems, groups,
 * components, edges, lint) and for block comments and runs of line comments.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Range } from '../../core/diagnostic';
import type { MemberNode } from '../../grammar/ast';
import type { Snapshot } from '../documents';

export function foldingRanges(snapshot: Snapshot): FoldingRange[] {
  const { lines, analysis } = snapshot;
  const out: FoldingRange[] = [];
  const fold = (range: Range | undefined, kind?: FoldingRangeKind) => {
    if (!range) return;
    const start = lines.lineOf(range.start);
    // The closing line stays visible, so a folded block reads `system x {…}`.
    const end = lines.lineOf(range.end) - (kind ? 0 : 1);
    if (end > start) out.push(kind ? { startLine: start, endLine: end, kind } : { startLine: start, endLine: end });
  };
  const walk = (members: MemberNode[]) => {
    for (const member of members) {
      if (member.kind === 'property') continue;
      fold(member.body);
      if (member.kind === 'group') walk(member.members);
    }
  };
  for (const system of analysis.ast.systems) {
    fold(system.body);
    walk(system.members);
  }
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run && run.end > run.start) out.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (const comment of analysis.ast.comments) {
    if (comment.block) {
      flush();
      fold(comment.range, FoldingRangeKind.Comment);
      continue;
    }
    const line = lines.lineOf(comment.range.start);
    // Only comments alone on their line join a run; a trailing comment ends it.
    const alone = snapshot.text.slice(lines.lineStart(line), comment.range.start).trim() === '';
    if (run && alone && line === run.end + 1) run.end = line;
    else {
      flush();
      if (alone) run = { start: line, end: line };
    }
  }
  flush();
  return out;
}
