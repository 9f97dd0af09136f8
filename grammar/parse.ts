/**
 * parse(text) → { ast, diagnostics }. Never throws: lexer errors, unterminated
 * strings and comments, and parser errors all become `syntax` diagnostics.
 */
import type { CommentNode, FileNode } from './ast';
import type { Diagnostic, SuggestedFix } from '../core/diagnostic';
import { lex, releaseTokens } from './lex';
import { SysdParser } from './parser';
import * as T from './tokens';
import { splitStringJoint } from './values';
import { printable } from './printable';

/** Past this many syntax errors the rest are summarised in one, so junk input stays cheap. */
export const MAX_SYNTAX_ERRORS = 200;

export interface ParseResult {
  ast: FileNode;
  diagnostics: Diagnostic[];
}

let parser: SysdParser | undefined;

export function parse(text: string): ParseResult {
  try {
    return parseUnguarded(text);
  } catch (error) {
    // A bug, not an input error: keep the editor alive and say what happened.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ast: { kind: 'file', imports: [], systems: [], comments: [], range: { start: 0, end: text.length } },
      diagnostics: [{ code: 'syntax', severity: 'error', message: `internal parser error: ${message}`, range: { start: 0, end: 0 } }],
    };
  } finally {
    // The lexer's kept token array must not hold this parse's tokens (grammar/lex.ts).
    releaseTokens();
  }
}

function parseUnguarded(text: string): ParseResult {
  const lexed = lex(text);
  const diagnostics: Diagnostic[] = [];

  // Merge runs of unexpected characters into one diagnostic each.
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (!run) return;
    const chars = text.slice(run.start, run.end);
    const shown = printable([...chars.slice(0, 20)].join(''));
    diagnostics.push({
      code: 'syntax',
      severity: 'error',
      message: `unexpected character${chars.length > 1 ? 's' : ''} '${shown}${chars.length > 20 ? '…' : ''}'`,
      range: { ...run },
    });
    run = undefined;
  };
  for (const e of lexed.errors) {
    if (run && e.offset === run.end) run.end = e.offset + e.length;
    else {
      flush();
      run = { start: e.offset, end: e.offset + e.length };
    }
  }
  flush();

  const comments: CommentNode[] = [];
  for (const t of lexed.comments) {
    const at = { start: t.startOffset, end: t.startOffset + t.image.length };
    if (t.tokenType === T.UnterminatedComment) {
      diagnostics.push({ code: 'syntax', severity: 'error', message: "unterminated block comment: add '*/' to close it", range: { start: at.start, end: at.start + 2 } });
    }
    comments.push({ text: t.image, block: t.tokenType !== T.LineComment, range: at });
  }
  for (const t of lexed.tokens) {
    if (t.tokenType === T.SplitString) {
      // `"handles⏎   checkout"`: one message for the string, none for the words of its second line.
      const joint = splitStringJoint(t.image);
      diagnostics.push({
        code: 'syntax',
        severity: 'error',
        message: "a string cannot continue on the next line: join the two lines, or write '\\n' where the line should break",
        range: { start: t.startOffset, end: t.startOffset + t.image.length },
        data: { fix: { title: 'Join the string onto one line', edits: [{ range: { start: t.startOffset + joint.start, end: t.startOffset + joint.end }, newText: ' ' }] } satisfies SuggestedFix },
      });
    } else if (t.tokenType === T.UnterminatedString) {
      // The lexer stops such a string before a final `{` or `}`, which then opens or closes its block.
      const next = text.charAt(t.startOffset + t.image.length);
      const close = t.startOffset + t.image.trimEnd().length;
      const beforeBrace = next === '{' || next === '}';
      diagnostics.push({
        code: 'syntax',
        severity: 'error',
        message: `unterminated string: add a closing '"' ${beforeBrace ? `before the '${next}'` : 'before the end of the line'}`,
        range: { start: t.startOffset, end: close },
        data: { fix: { title: 'Close the string', edits: [{ range: { start: close, end: close }, newText: '"' }] } satisfies SuggestedFix },
      });
    }
  }

  parser ??= new SysdParser();
  const result = parser.parseTokens(lexed.tokens, text);
  result.ast.comments = comments;
  const all = [...diagnostics, ...result.diagnostics].sort((a, b) => a.range.start - b.range.start);
  if (all.length > MAX_SYNTAX_ERRORS) {
    const rest = all.length - MAX_SYNTAX_ERRORS;
    const kept = all.slice(0, MAX_SYNTAX_ERRORS);
    const at = all[MAX_SYNTAX_ERRORS].range;
    kept.push({ code: 'syntax', severity: 'error', message: `${rest} more syntax errors not shown; fix the ones above first`, range: at });
    return { ast: result.ast, diagnostics: kept };
  }
  return { ast: result.ast, diagnostics: all };
}
