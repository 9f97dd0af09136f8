/** "Did you mean" suggestions: the closest candidate within a small edit distance. */

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The closest candidate, or undefined when none is close enough to be a likely
 * typo. Failing that, the one candidate the word begins (`warn` → `warning`,
 * `cap` → `capacity`; three letters at least, and never when two candidates
 * share the beginning, as `repl` does).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = Array.isArray(candidates) ? (candidates as string[]) : [...candidates];
  return nearest(word, list) ?? onlyExtension(word, list);
}

function onlyExtension(word: string, candidates: string[]): string | undefined {
  if (word.length < 3) return undefined;
  const lower = word.toLowerCase();
  let found: string | undefined;
  for (const candidate of candidates) {
    if (candidate.length <= word.length || !candidate.toLowerCase().startsWith(lower)) continue;
    if (found !== undefined) return undefined;
    found = candidate;
  }
  return found;
}

function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === word) continue;
    // A case-only difference is the likeliest typo of all.
    const distance = candidate.toLowerCase() === lower ? 0.5 : Math.abs(candidate.length - word.length) > limit ? Infinity : editDistance(word, candidate);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `; did you mean '${suggestion}'?`;
}
