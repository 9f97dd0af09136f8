/**
 * One canonical layout, in the spirit of gofmt: the author's line breaks are
 * kept, everything else is decided here — two spaces per block level, one
 * space around arrows and after `:` `,` `;`, no `;` at the end of a line, at
 * most one blank line, no blank line at the start or end of a block, and a
 * final newline. Comments are kept where they are. A file that does not parse
 * is left alone, because its structure cannot be trusted. Formatting the
 * output again changes nothing.
 */
import type { TextEdit } from 'vscode-languageserver';
import type { Snapshot } from '../documents';
import { textTokens, type Token } from '../text-tokens';

const INDENT = '  ';
const CONTINUES = new Set(['->', '~>', ',', '|', ':']);

/** The space between two tokens on one line: '' or ' '. */
function gap(a: Token, b: Token): string {
  if (b.type === 'punct' && (b.text === ':' || b.text === ';' || b.text === ',')) return '';
  return ' ';
}

export function formatText(text: string): string {
  const tokens = textTokens(text);
  const lines: Token[][] = [[]];
  for (const t of tokens) {
    if (t.type === 'newline') lines.push([]);
    else lines[lines.length - 1].push(t);
  }
  const out: string[] = [];
  let depth = 0;
  let blank = false;
  let continuation = false;
  for (const raw of lines) {
    // A `;` that ends a line, or stands before `}`, separates nothing.
    const line = raw.filter((t, i) => !(t.type === 'punct' && t.text === ';' && (i === raw.length - 1 || (raw[i + 1].type === 'punct' && raw[i + 1].text === '}') || raw[i + 1].type === 'comment')));
    if (line.length === 0) {
      blank = out.length > 0;
      continue;
    }
    const closes = line[0].type === 'punct' && line[0].text === '}';
    const level = Math.max(0, depth - (closes ? 1 : 0)) + (continuation && !closes ? 1 : 0);
    const previous = out[out.length - 1];
    const afterOpen = previous?.endsWith('{');
    if (blank && !closes && !afterOpen) out.push('');
    blank = false;
    let text = INDENT.repeat(level);
    line.forEach((t, i) => {
      if (i > 0) text += gap(line[i - 1], t);
      text += t.text;
      if (t.type === 'punct' && t.text === '{') depth++;
      if (t.type === 'punct' && t.text === '}') depth = Math.max(0, depth - 1);
    });
    out.push(text);
    const last = line[line.length - 1];
    continuation = last.type === 'punct' && CONTINUES.has(last.text);
  }
  // Windows line endings stay Windows line endings.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return out.length === 0 ? '' : `${out.join(eol)}${eol}`;
}

/** One edit replacing the whole document, or none when the text is already canonical or broken. */
export function formatting(snapshot: Snapshot): TextEdit[] {
  if (snapshot.analysis.diagnostics.some((d) => d.code === 'syntax')) return [];
  const formatted = formatText(snapshot.text);
  if (formatted === snapshot.text) return [];
  return [{ range: { start: { line: 0, character: 0 }, end: snapshot.lines.position(snapshot.text.length) }, newText: formatted }];
}
