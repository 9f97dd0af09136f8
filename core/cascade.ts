/**
 * Findings that exist only because a misspelt key or value was dropped.
 *
 * `replica: 2` is an `unknown-property` error, so the component keeps the
 * default of one replica, and a `spof` finding on it would follow from the
 * typo rather than from the design. The figures do assume the default (the
 * error says so), but a finding the author's intended text would not have is
 * held back: the text is analysed again with every misspelling replaced by
 * its "did you mean" (a misspelt key by the key, a value by the fix its
 * `invalid-value` proposes, a misspelt unit glued to its number by the unit:
 * each diagnostic that is sure of what was meant says so with `data.meant`), and a design finding of the first analysis is
 * kept only when the second has it too, at the same place. Errors in the
 * text are always kept. The second analysis runs only when there is a
 * misspelling to replace.
 */
import { TEXT_ERRORS } from './codes';
import { suggestedFixes, type Diagnostic, type Range } from './diagnostic';
import { asFinding } from './finding-data';

interface Edit {
  range: Range;
  newText: string;
}

/** The edits that turn each misspelling into what was meant, sorted and without overlaps. */
export function intendedEdits(diagnostics: readonly Diagnostic[]): Edit[] {
  const edits: Edit[] = [];
  for (const d of diagnostics) {
    const f = asFinding(d);
    const data = f.code === 'unknown-property' || f.code === 'invalid-value' || f.code === 'syntax' ? f.data : undefined;
    // Only what a diagnostic marks as meant: never a guess at a silencing (`lint`, `sysd-ignore`), which stays inactive.
    if (data?.meant !== true) continue;
    if ('suggestion' in data && data.suggestion !== undefined) edits.push({ range: d.range, newText: data.suggestion });
    else edits.push(...(suggestedFixes(data).find((s) => s.preferred)?.fix.edits ?? []));
  }
  edits.sort((a, b) => a.range.start - b.range.start);
  return edits.filter((e, i) => i === 0 || e.range.start >= edits[i - 1].range.end);
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.range.start) + e.newText;
    at = e.range.end;
  }
  return out + text.slice(at);
}

/**
 * A test of whether a finding of the original text is also a finding of the
 * intended one: same code, same range once moved by the edits before it.
 */
export function alsoIntended(edits: readonly Edit[], intended: readonly Diagnostic[]): (d: Diagnostic) => boolean {
  const found = new Set(intended.map((d) => `${d.code}@${d.range.start}:${d.range.end}`));
  const starts = edits.map((e) => e.range.end);
  const shift: number[] = [];
  let total = 0;
  for (const e of edits) shift.push((total += e.newText.length - (e.range.end - e.range.start)));
  const moved = (offset: number) => {
    // The total shift of the edits that end at or before `offset` (binary search).
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (starts[middle] <= offset) low = middle + 1;
      else high = middle;
    }
    return offset + (low > 0 ? shift[low - 1] : 0);
  };
  return (d) => TEXT_ERRORS.has(d.code) || found.has(`${d.code}@${moved(d.range.start)}:${moved(d.range.end)}`);
}
