/**
 * User text as it may be shown in a terminal or a CI log: every control
 * character (C0, DEL and C1, so also newlines and the escape that starts a
 * terminal sequence), the Unicode line and paragraph separators and the
 * bidirectional overrides are written as `U+XXXX`. A label can then neither
 * clear the terminal, nor reorder what is shown, nor start a line of its own
 * (a line that starts with `::error` is a GitHub Actions workflow command).
 */
const UNPRINTABLE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
