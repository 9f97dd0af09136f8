/**
 * Quick fixes, one per fixable finding: `spof` → `replicas: 2`; `zone-spof` →
 * spread the components over the declared zones; `no-breaker` → `timeout` and
 * `breaker`; `unknown-reference` / `unknown-property` → the "did you mean"
 * name; an unknown name after an arrow → declare it as a component; a syntax
 * error that proposes its own edit (`data.fix`: close a string, add a ':',
 * split a declaration from its edge) → that edit.
 */
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver';
import { isSuggestedFix, type Range } from '../../core/diagnostic';
import type { PropertyNode } from '../../grammar/ast';
import type { Snapshot } from '../documents';
import { viewAt } from '../lookup';
import { indexOf } from '../syntax-index';

/** The timeout a `no-breaker` fix writes; a starting point the author is expected to tune. */
export const DEFAULT_TIMEOUT = '2s';

interface Block { properties: PropertyNode[]; body?: Range; range: Range }

/** Edits that set `key: value` (or add a flag) in a block, replacing the key when it is already written. */
function setProperties(snapshot: Snapshot, node: Block, props: [string, string | undefined][]): TextEdit[] {
  const { text, lines } = snapshot;
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const [key, value] of props) {
    const written = value === undefined ? key : `${key}: ${value}`;
    const existing = node.properties.find((p) => p.key.text === key);
    if (existing) edits.push({ range: lines.range(existing.range), newText: written });
    else added.push(written);
  }
  if (added.length === 0) return edits;
  const body = node.body;
  if (!body || text[body.end - 1] !== '}') {
    edits.push({ range: lines.range({ start: node.range.end, end: node.range.end }), newText: ` { ${added.join('; ')} }` });
    return edits;
  }
  const close = body.end - 1;
  const inner = text.slice(body.start + 1, close);
  if (inner.trim() === '') {
    edits.push({ range: lines.range(body), newText: `{ ${added.join('; ')} }` });
  } else if (!inner.includes('\n')) {
    let at = close;
    while (at > body.start + 1 && /\s/.test(text[at - 1])) at--;
    edits.push({ range: lines.range({ start: at, end: at }), newText: `; ${added.join('; ')}` });
  } else {
    // A block over several lines gets one line per property, indented like its first property.
    const closeLine = lines.lineOf(close);
    const first = node.properties[0];
    const indentOf = (offset: number) => /^[ \t]*/.exec(text.slice(lines.lineStart(lines.lineOf(offset))))![0];
    const indent = first ? indentOf(first.range.start) : `${indentOf(close)}  `;
    const beforeClose = text.slice(lines.lineStart(closeLine), close);
    if (beforeClose.trim() === '') {
      const at = lines.lineStart(closeLine);
      edits.push({ range: lines.range({ start: at, end: at }), newText: added.map((p) => `${indent}${p}\n`).join('') });
    } else {
      edits.push({ range: lines.range({ start: close, end: close }), newText: `\n${added.map((p) => `${indent}${p}`).join('\n')}\n${indentOf(close)}` });
    }
  }
  return edits;
}

function action(title: string, diagnostic: LspDiagnostic, snapshot: Snapshot, edits: TextEdit[], preferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [snapshot.uri]: edits } } };
}

function fixesFor(snapshot: Snapshot, diagnostic: LspDiagnostic): CodeAction[] {
  const range = snapshot.lines.fromLsp(diagnostic.range);
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  const index = indexOf(snapshot.analysis.ast);
  const path = index.pathAt(range.start);
  switch (diagnostic.code) {
    case 'spof': {
      const node = path.component;
      if (!node?.name) return [];
      const model = viewAt(snapshot.analysis, path.systemIndex)?.model.componentsByName.get(node.name.text);
      // Core says how many replicas remove the SPOF; otherwise one more than must stay up.
      const replicas = typeof data.replicas === 'number' && data.replicas >= 2 ? data.replicas : Math.max(2, (model?.minUp ?? 1) + 1);
      return [action(`Add replicas: ${replicas} to '${node.name.text}'`, diagnostic, snapshot, setProperties(snapshot, node, [['replicas', String(replicas)]]), true)];
    }
    case 'no-breaker': {
      const edge = path.edge;
      if (!edge) return [];
      const has = (key: string) => edge.properties.some((p) => p.key.text === key);
      const props: [string, string | undefined][] = [];
      if (!has('timeout')) props.push(['timeout', DEFAULT_TIMEOUT]);
      if (!has('breaker')) props.push(['breaker', undefined]);
      if (props.length === 0) return [];
      return [action('Add a timeout and a circuit breaker to this call', diagnostic, snapshot, setProperties(snapshot, edge, props), true)];
    }
    case 'zone-spof':
      return zoneSpofFix(snapshot, diagnostic, range.start, path.systemIndex);
    case 'unknown-property':
    case 'unknown-reference': {
      const actions: CodeAction[] = [];
      const suggestion = typeof data.suggestion === 'string' ? data.suggestion : undefined;
      if (suggestion) actions.push(action(`Change to '${suggestion}'`, diagnostic, snapshot, [{ range: diagnostic.range, newText: suggestion }], true));
      const edge = path.edge;
      const name = typeof data.name === 'string' ? data.name : snapshot.text.slice(range.start, range.end);
      if (diagnostic.code === 'unknown-reference' && edge && !data.isGroup && /^[A-Za-z]/.test(name)) {
        const line = snapshot.lines.lineOf(edge.range.start);
        const start = snapshot.lines.lineStart(line);
        const indent = /^[ \t]*/.exec(snapshot.text.slice(start))![0];
        actions.push(action(`Declare '${name}' as a service`, diagnostic, snapshot, [{ range: snapshot.lines.range({ start, end: start }), newText: `${indent}service ${name}\n` }]));
      }
      return actions;
    }
    case 'syntax': {
      // The parser proposes the edit itself (a closing quote, a missing ':', a split line).
      if (!isSuggestedFix(data.fix)) return [];
      const edits = data.fix.edits.map((e) => ({ range: snapshot.lines.range(e.range), newText: e.newText }));
      return [action(data.fix.title, diagnostic, snapshot, edits, true)];
    }
    default:
      return [];
  }
}

/** Components placed only in the failing zone (or region) are spread over every declared zone. */
function zoneSpofFix(snapshot: Snapshot, diagnostic: LspDiagnostic, offset: number, systemIndex: number): CodeAction[] {
  const view = viewAt(snapshot.analysis, systemIndex);
  if (!view) return [];
  const occurrence = indexOf(snapshot.analysis.ast).at(offset);
  const group = occurrence ? view.model.groupsByName.get(occurrence.name) : view.model.groups.find((g) => g.nameRange.start <= offset && offset <= g.nameRange.end);
  if (!group) return [];
  const failing = new Set(group.type === 'zone' ? [group.name] : group.zones);
  const data = (diagnostic.data ?? {}) as { zones?: unknown };
  const suggested = Array.isArray(data.zones) && data.zones.every((z) => typeof z === 'string') ? (data.zones as string[]) : undefined;
  const allZones = suggested ?? view.model.groups.filter((g) => g.type === 'zone').map((g) => g.name);
  // Spreading helps only when some declared zone lies outside the failing group.
  if (!allZones.some((z) => !failing.has(z))) return [];
  const edits: TextEdit[] = [];
  const names: string[] = [];
  for (const component of view.model.components) {
    if (component.isEntry || component.zones.length === 0 || !component.zones.every((z) => failing.has(z))) continue;
    // A component written inside a zone block cannot be spread by a property; it has to move.
    if (component.group && view.model.groupsByName.get(component.group)?.type === 'zone') continue;
    const node = index(snapshot, component.nameRange.start);
    if (!node) continue;
    const replicas = Math.max(component.replicas, allZones.length);
    const props: [string, string][] = [['zones', allZones.join(', ')]];
    if (replicas !== component.replicas) props.push(['replicas', String(replicas)]);
    edits.push(...setProperties(snapshot, node, props));
    names.push(component.name);
  }
  if (edits.length === 0) return [];
  return [action(`Spread ${names.join(', ')} over zones ${allZones.join(', ')}`, diagnostic, snapshot, edits, true)];
}

function index(snapshot: Snapshot, offset: number) {
  return indexOf(snapshot.analysis.ast).pathAt(offset).component;
}

export function codeActions(snapshot: Snapshot, diagnostics: LspDiagnostic[]): CodeAction[] {
  return diagnostics.filter((d) => d.source === 'sysd' || d.source === undefined).flatMap((d) => fixesFor(snapshot, d));
}
