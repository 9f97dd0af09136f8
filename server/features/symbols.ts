/**
 * Document symbols follow the nesting of the text (system → regions → zones →
 * components), so the outline reads like the file. Workspace symbols list the
 * declarations of the open documents and of the workspace's other .sysd files.
 */
import { SymbolKind, type DocumentSymbol, type WorkspaceSymbol } from 'vscode-languageserver';
import type { FileNode, MemberNode, SystemNode } from '../../grammar/ast';
import type { LineIndex } from '../convert';
import type { Snapshot } from '../documents';
import { indexOf } from '../../core/syntax-index';
import { isEntryKind } from '../../core/model/kinds';

function membersToSymbols(members: MemberNode[], snapshot: Snapshot): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const member of members) {
    if (member.kind === 'component' && member.name) {
      out.push({
        name: member.name.text,
        detail: member.label ? `${member.type.text} — ${member.label.value}` : member.type.text,
        kind: isEntryKind(member.type.text) ? SymbolKind.Event : SymbolKind.Class,
        range: snapshot.lines.range(member.range),
        selectionRange: snapshot.lines.range(member.name.range),
      });
    } else if (member.kind === 'group' && member.name) {
      out.push({
        name: member.name.text,
        detail: member.label ? `${member.type} — ${member.label.value}` : member.type,
        kind: SymbolKind.Namespace,
        range: snapshot.lines.range(member.range),
        selectionRange: snapshot.lines.range(member.name.range),
        children: membersToSymbols(member.members, snapshot),
      });
    }
  }
  return out;
}

function systemToSymbol(system: SystemNode, snapshot: Snapshot): DocumentSymbol | undefined {
  if (!system.name) return undefined;
  return {
    name: system.name.text,
    detail: system.label?.value ?? 'system',
    kind: SymbolKind.Module,
    range: snapshot.lines.range(system.range),
    selectionRange: snapshot.lines.range(system.name.range),
    children: membersToSymbols(system.members, snapshot),
  };
}

export function documentSymbols(snapshot: Snapshot): DocumentSymbol[] {
  return snapshot.analysis.ast.systems.flatMap((s) => systemToSymbol(s, snapshot) ?? []);
}

const KIND: Record<string, SymbolKind> = {
  system: SymbolKind.Module, component: SymbolKind.Class, zone: SymbolKind.Namespace, region: SymbolKind.Namespace,
};

/** A parsed file: enough to list its declarations. */
export interface SymbolSource {
  uri: string;
  lines: LineIndex;
  ast: FileNode;
}

/** Every declaration of a file as a workspace symbol: what the workspace index keeps of a file instead of its tree. */
export function declarationsOf(source: SymbolSource): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  for (const occurrence of indexOf(source.ast).occurrences) {
    if (!occurrence.declaration) continue;
    const system = occurrence.system >= 0 ? source.ast.systems[occurrence.system]?.name?.text : undefined;
    out.push({ name: occurrence.name, kind: KIND[occurrence.kind], containerName: system, location: { uri: source.uri, range: source.lines.range(occurrence.range) } });
  }
  return out;
}

/** Declarations whose name contains the query's characters in order, as VS Code filters. */
export function workspaceSymbols(lists: WorkspaceSymbol[][], query: string, limit = 500): WorkspaceSymbol[] {
  const wanted = query.toLowerCase();
  const matches = (name: string): boolean => {
    let at = 0;
    const lower = name.toLowerCase();
    for (const ch of wanted) {
      at = lower.indexOf(ch, at);
      if (at < 0) return false;
      at++;
    }
    return true;
  };
  const out: WorkspaceSymbol[] = [];
  for (const list of lists) {
    for (const symbol of list) {
      if (!matches(symbol.name)) continue;
      out.push(symbol);
      if (out.length >= limit) return out;
    }
  }
  return out;
}
