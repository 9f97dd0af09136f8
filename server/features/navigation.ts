/**
 * Go to definition, find references, document highlights and rename. A name
 * means the declaration of that name in the same system, whether written in
 * an edge, in `zones:` or in the declaration itself.
 */
import {
  DocumentHighlightKind, type DocumentHighlight, type Location, type Range as LspRange, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Snapshot } from '../documents';
import { indexOf, type Occurrence } from '../../core/syntax-index';
import { RESERVED_WORDS, isNameShaped } from '../../grammar/tokens';

// The name pattern and the reserved words are the lexer's own (grammar/tokens.ts).
export const RESERVED: ReadonlySet<string> = new Set(RESERVED_WORDS);

function occurrenceAt(snapshot: Snapshot, offset: number): Occurrence | undefined {
  return indexOf(snapshot.analysis.ast).at(offset);
}

export function definition(snapshot: Snapshot, offset: number): Location[] {
  const occurrence = occurrenceAt(snapshot, offset);
  if (!occurrence) return [];
  const index = indexOf(snapshot.analysis.ast);
  // Every declaration is offered when a name is declared twice, so both can be reached.
  return index.related(occurrence)
    .filter((o) => o.declaration)
    .map((o) => ({ uri: snapshot.uri, range: snapshot.lines.range(o.range) }));
}

export function references(snapshot: Snapshot, offset: number, includeDeclaration: boolean): Location[] {
  const occurrence = occurrenceAt(snapshot, offset);
  if (!occurrence) return [];
  return indexOf(snapshot.analysis.ast).related(occurrence)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => ({ uri: snapshot.uri, range: snapshot.lines.range(o.range) }));
}

export function highlights(snapshot: Snapshot, offset: number): DocumentHighlight[] {
  const occurrence = occurrenceAt(snapshot, offset);
  if (!occurrence) return [];
  return indexOf(snapshot.analysis.ast).related(occurrence).map((o) => ({
    range: snapshot.lines.range(o.range),
    kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

export function prepareRename(snapshot: Snapshot, offset: number): { range: LspRange; placeholder: string } | null {
  const occurrence = occurrenceAt(snapshot, offset);
  if (!occurrence) return null;
  return { range: snapshot.lines.range(occurrence.range), placeholder: occurrence.name };
}

/** The edits of a rename, or the reason it cannot be done. */
export function rename(snapshot: Snapshot, offset: number, newName: string): WorkspaceEdit | { error: string } {
  const occurrence = occurrenceAt(snapshot, offset);
  if (!occurrence) return { error: 'There is no component, zone, region or system name here to rename.' };
  if (!isNameShaped(newName)) {
    return { error: `'${newName}' is not a valid name: use a letter, then letters, digits and '_', with single '-' between them.` };
  }
  if (RESERVED.has(newName)) return { error: `'${newName}' is a reserved word and cannot be used as a name.` };
  const index = indexOf(snapshot.analysis.ast);
  if (newName !== occurrence.name) {
    const clash = index.occurrences.find((o) => o.declaration && o.system === occurrence.system && o.name === newName);
    if (clash) return { error: `'${newName}' is already declared in this system.` };
  }
  const edits = index.related(occurrence).map((o) => ({ range: snapshot.lines.range(o.range), newText: newName }));
  return { changes: { [snapshot.uri]: edits } };
}
