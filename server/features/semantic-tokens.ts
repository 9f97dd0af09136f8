/**
 * Semantic tokens add what the TextMate grammar cannot know: which names are
 * components, entries or zones, where they are declared, and which values are
 * enum members. Tokens are collected from the AST, sorted and delta-encoded.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { Range } from '../../core/diagnostic';
import type { MemberNode, PropertyNode } from '../../grammar/ast';
import type { Snapshot } from '../documents';
import { isEntryKind } from '../../core/model/kinds';

export const TOKEN_TYPES = ['namespace', 'class', 'event', 'property', 'enumMember', 'type', 'keyword', 'number', 'string', 'variable'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'defaultLibrary'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
interface Token { range: Range; type: TokenType; declaration: boolean }


export function semanticTokens(snapshot: Snapshot): SemanticTokens {
  const { analysis, lines } = snapshot;
  const tokens: Token[] = [];
  const push = (range: Range | undefined, type: TokenType, declaration = false) => {
    if (range && range.end > range.start) tokens.push({ range, type, declaration });
  };

  analysis.ast.systems.forEach((system) => {
    // Entries are coloured apart from other components wherever their name is written.
    const entries = new Set<string>();
    const zones = new Set<string>();
    const scan = (members: MemberNode[]) => {
      for (const m of members) {
        if (m.kind === 'component' && m.name && isEntryKind(m.type.text)) entries.add(m.name.text);
        if (m.kind === 'group') {
          if (m.name) zones.add(m.name.text);
          scan(m.members);
        }
      }
    };
    scan(system.members);
    const properties = (list: PropertyNode[]) => {
      for (const p of list) {
        push(p.key.range, 'property');
        for (const v of p.values) {
          if (v.type === 'number') push(v.range, 'number');
          else if (v.type === 'string') push(v.range, 'string');
          else if (v.type === 'bool') push(v.range, 'keyword');
          else if (p.key.text === 'zones') push(v.range, 'namespace');
          else push(v.range, 'enumMember');
        }
      }
    };
    push(system.keyword, 'keyword');
    push(system.name?.range, 'namespace', true);
    const walk = (members: MemberNode[]) => {
      for (const m of members) {
        if (m.kind === 'property') properties([m]);
        else if (m.kind === 'lint') (push(m.keyword, 'keyword'), properties(m.properties));
        else if (m.kind === 'group') {
          push(m.keyword, 'keyword');
          push(m.name?.range, 'namespace', true);
          walk(m.members);
        } else if (m.kind === 'component') {
          push(m.type.range, 'type');
          push(m.name?.range, isEntryKind(m.type.text) ? 'event' : 'class', true);
          properties(m.properties);
        } else if (m.kind === 'edge') {
          for (const step of m.steps) {
            for (const group of step.groups) {
              for (const n of group.names) {
                push(n.range, entries.has(n.text) ? 'event' : zones.has(n.text) ? 'namespace' : 'class');
              }
            }
          }
          properties(m.properties);
        }
      }
    };
    walk(system.members);
  });

  tokens.sort((a, b) => a.range.start - b.range.start);
  const data: number[] = [];
  let previousLine = 0;
  let previousChar = 0;
  let lastEnd = -1;
  for (const token of tokens) {
    // Overlapping tokens (from recovered, partial nodes) are dropped: LSP forbids them.
    if (token.range.start < lastEnd) continue;
    const start = lines.position(token.range.start);
    const end = lines.position(token.range.end);
    if (end.line !== start.line) continue;
    const deltaLine = start.line - previousLine;
    const deltaChar = deltaLine === 0 ? start.character - previousChar : start.character;
    data.push(deltaLine, deltaChar, end.character - start.character, TOKEN_TYPES.indexOf(token.type), token.declaration ? 1 : 0);
    previousLine = start.line;
    previousChar = start.character;
    lastEnd = token.range.end;
  }
  return { data };
}
