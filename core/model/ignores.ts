/**
 * `// sysd-ignore code...` on the line before a statement silences those
 * codes for diagnostics inside that statement. Only whitespace (or other
 * comments) may stand between the comment and the statement.
 */
import type { CommentNode, MemberNode, SystemNode } from '../../grammar/ast';
import type { Diagnostic, Range } from '../diagnostic';
import { CODES, isDiagnosticCode } from '../codes';
import { closest, didYouMean } from './suggest';

const IGNORE = /^\/\/\s*sysd-ignore\b(.*)$/;

function statements(members: MemberNode[], out: { range: Range }[]): void {
  for (const m of members) {
    out.push(m);
    if (m.kind === 'group') statements(m.members, out);
    if (m.kind === 'component' || m.kind === 'edge' || m.kind === 'lint') out.push(...m.properties);
  }
}

export function collectIgnores(
  system: SystemNode,
  comments: CommentNode[],
  text: string,
  diagnostics: Diagnostic[],
): { range: Range; codes: Set<string> }[] {
  const body = system.range;
  const relevant = comments.filter((c) => !c.block && c.range.start >= body.start && c.range.end <= body.end);
  if (relevant.length === 0) return [];
  const stmts: { range: Range }[] = [];
  statements(system.members, stmts);
  stmts.sort((a, b) => a.range.start - b.range.start);
  const ignores: { range: Range; codes: Set<string> }[] = [];
  for (const comment of relevant) {
    const match = IGNORE.exec(comment.text);
    if (!match) continue;
    const codes = new Set<string>();
    let offset = comment.range.start + comment.text.indexOf(match[1]);
    for (const word of match[1].split(/([\s,]+)/)) {
      if (word.trim() !== '' && !/^[\s,]+$/.test(word)) {
        if (isDiagnosticCode(word)) codes.add(word);
        else {
          const suggestion = closest(word, CODES.map((c) => c.code));
          diagnostics.push({
            code: 'unknown-property',
            severity: 'error',
            message: `'${word}' is not a diagnostic code${didYouMean(suggestion)}`,
            range: { start: offset, end: offset + word.length },
            data: suggestion ? { suggestion } : undefined,
          });
        }
      }
      offset += word.length;
    }
    if (codes.size === 0) continue;
    const next = stmts.find((s) => s.range.start >= comment.range.end);
    // Only whitespace and comments may separate the comment from its statement.
    const between = next ? text.slice(comment.range.end, next.range.start).replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '') : '';
    if (next && /^\s*$/.test(between) && between.includes('\n')) ignores.push({ range: next.range, codes });
  }
  return ignores;
}

/** Drops diagnostics silenced by a `sysd-ignore` that covers their start. */
export function applyIgnores(diagnostics: Diagnostic[], ignores: { range: Range; codes: Set<string> }[]): Diagnostic[] {
  if (ignores.length === 0) return diagnostics;
  return diagnostics.filter(
    (d) => !ignores.some((i) => i.codes.has(d.code) && d.range.start >= i.range.start && d.range.start < i.range.end),
  );
}
