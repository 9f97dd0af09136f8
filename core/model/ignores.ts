/**
 * `// sysd-ignore code...` on the line before a statement silences those
 * codes for diagnostics inside that statement. Only whitespace (or other
 * comments) may stand between the comment and the statement.
 */
import type { CommentNode, MemberNode, SystemNode } from '../../grammar/ast';
import type { Diagnostic, Range } from '../diagnostic';
import { CODES, isDiagnosticCode } from '../codes';
import { closest, didYouMean } from './suggest';

/** A `// sysd-ignore` comment; group 1 is the list of codes. */
export const IGNORE = /^\/\/\s*sysd-ignore\b(.*)$/;

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
  // Comments are in source order: the system's are one slice, found by binary search.
  const inBody = comments.slice(firstAtOrAfter(comments, body.start), firstAtOrAfter(comments, body.end));
  const relevant = inBody.filter((c) => !c.block && c.range.end <= body.end);
  if (relevant.length === 0) return [];
  const stmts: { range: Range }[] = [];
  statements(system.members, stmts);
  stmts.sort((a, b) => a.range.start - b.range.start);
  const reach = codeAfter(inBody, text);
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
    const next = stmts[firstAtOrAfter(stmts, comment.range.end)];
    // Only whitespace and comments may separate the comment from its statement, over a line break
    // (a line comment ends at one, so the break follows it unless the file ends).
    if (next && reach.get(comment) === next.range.start && /[\r\n]/.test(text[comment.range.end] ?? '')) ignores.push({ range: next.range, codes });
  }
  return ignores;
}

/** The index of the first node that starts at or after `offset` (nodes sorted by start). */
function firstAtOrAfter(nodes: readonly { range: Range }[], offset: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (nodes[middle].range.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * For each comment, where the code after it begins: the first offset past it
 * that is neither whitespace nor inside a comment. Computed from the last
 * comment back, so a run of 8,000 `// sysd-ignore` lines costs one pass over
 * the text instead of a slice of the rest of the run for each of them.
 */
function codeAfter(comments: readonly CommentNode[], text: string): Map<CommentNode, number> {
  const reach = new Map<CommentNode, number>();
  for (let i = comments.length - 1; i >= 0; i--) {
    let at = comments[i].range.end;
    while (at < text.length && /\s/.test(text[at])) at++;
    const following = comments[i + 1];
    reach.set(comments[i], following && following.range.start === at ? reach.get(following)! : at);
  }
  return reach;
}

/** Drops diagnostics silenced by a `sysd-ignore` that covers their start. */
export function applyIgnores(diagnostics: Diagnostic[], ignores: { range: Range; codes: Set<string> }[]): Diagnostic[] {
  if (ignores.length === 0) return diagnostics;
  const silenced = ignoreIndex(ignores);
  return diagnostics.filter((d) => !silenced(d.code, d.range.start));
}

/**
 * A test of whether a `sysd-ignore` silences `code` at offset `start`, in
 * O(log k) for k ignores of that code, so filtering n diagnostics costs
 * n log k rather than n × k. Per code, the ranges are sorted by start with the
 * running maximum of their ends: some range covers `start` exactly when, among
 * the ranges that begin at or before it, the furthest end lies beyond it.
 * Ranges nest (a component and its properties), which this handles.
 */
export function ignoreIndex(ignores: { range: Range; codes: Set<string> }[]): (code: string, start: number) => boolean {
  const byCode = new Map<string, { starts: number[]; reach: number[] }>();
  const ranges = [...ignores].sort((a, b) => a.range.start - b.range.start);
  for (const { range, codes } of ranges) {
    for (const code of codes) {
      let list = byCode.get(code);
      if (!list) byCode.set(code, (list = { starts: [], reach: [] }));
      const before = list.reach.length ? list.reach[list.reach.length - 1] : -Infinity;
      list.starts.push(range.start);
      list.reach.push(Math.max(before, range.end));
    }
  }
  return (code, start) => {
    const list = byCode.get(code);
    if (!list) return false;
    // The last range that begins at or before `start`.
    let low = 0;
    let high = list.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (list.starts[middle] <= start) low = middle + 1;
      else high = middle;
    }
    return low > 0 && list.reach[low - 1] > start;
  };
}
