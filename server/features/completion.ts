/**
 * Completion: component kinds and keywords at the start of a statement,
 * property keys valid in the enclosing block (with their docs), enum values
 * after a key, component names after an arrow, zone names after `zones:`,
 * diagnostic codes and severities in `lint` and codes after `// sysd-ignore`,
 * and snippets for a component and a system. Names come from the last analysis; the context from the live
 * text, read by the grammar (./completion-context.ts).
 */
import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList,
} from 'vscode-languageserver';
import { CODES, TEXT_ERRORS } from '../../core/codes';
import { KIND_DOCS, describeDefault, describeType, propertiesFor, propertySpec, type Place, type PropertySpec } from '../../core/model/schema';
import { COMPONENT_KINDS, type ComponentKind } from '../../core/model/types';
import { isEntryKind } from '../../core/model/kinds';
import { LINT_SEVERITIES } from '../../core/diagnostic';
import type { FileNode, MemberNode } from '../../grammar/ast';
import { completionContext, type Block, type CompletionContext } from '../completion-context';
import type { Snapshot } from '../documents';
import { indexOf, type DeclKind, type Occurrence } from '../../core/syntax-index';
import { matchSplitString } from '../../grammar/token-matchers';


function keyItem(spec: PropertySpec): CompletionItem {
  const doc = [spec.doc, '', `Value: ${describeType(spec)}.`, spec.default !== undefined ? `Default: ${describeDefault(spec)}.` : ''].join('\n');
  const flag = spec.type === 'flag';
  return {
    label: spec.key,
    kind: CompletionItemKind.Property,
    detail: flag ? 'flag' : describeType(spec),
    documentation: { kind: MarkupKind.Markdown, value: doc.trim() },
    insertText: flag ? spec.key : `${spec.key}: `,
    // Re-open completion after `key: ` so enum values are offered straight away.
    command: !flag && spec.type === 'enum' ? { title: 'values', command: 'editor.action.triggerSuggest' } : undefined,
  };
}

function kindItems(): CompletionItem[] {
  return COMPONENT_KINDS.map((kind) => ({
    label: kind,
    kind: CompletionItemKind.Keyword,
    detail: 'component kind',
    documentation: { kind: MarkupKind.Markdown, value: KIND_DOCS[kind] },
  }));
}

const keyword = (label: string, detail: string): CompletionItem => ({ label, kind: CompletionItemKind.Keyword, detail });

const COMPONENT_SNIPPET: CompletionItem = {
  label: 'component',
  kind: CompletionItemKind.Snippet,
  detail: 'A component with replicas and capacity',
  insertTextFormat: InsertTextFormat.Snippet,
  insertText: `\${1|${COMPONENT_KINDS.filter((k) => !isEntryKind(k)).join(',')}|} \${2:name} {\n\treplicas: \${3:2}\n\tcapacity: \${4:1k} rps\n\t$0\n}`,
};

const SYSTEM_SNIPPET: CompletionItem = {
  label: 'system',
  kind: CompletionItemKind.Snippet,
  detail: 'A system with an objective and an entry',
  insertTextFormat: InsertTextFormat.Snippet,
  insertText: 'system ${1:name} "${2:Label}" {\n\tslo: ${3:99.9%}\n\n\tusers ${4:users} { rps: ${5:100} }\n\tservice ${6:api} { replicas: 2 }\n\n\t${4} -> ${6}\n\t$0\n}',
};

function placeOf(block: Block): Place | undefined {
  switch (block.type) {
    case 'system': return 'system';
    case 'group': return 'group';
    case 'component': return 'component';
    case 'edge': return 'edge';
    default: return undefined;
  }
}

/**
 * Names offered at most at once. A system of 50,000 components would send
 * megabytes for every keystroke; past this many, the names are filtered by
 * the word typed so far and the list says it is incomplete, so the editor
 * asks again as the word grows.
 */
export const MAX_NAMES = 1000;

/** Whether `name` holds the characters of `typed` in order, ignoring case (as the editor filters). */
function fits(name: string, typed: string): boolean {
  let at = 0;
  const lower = name.toLowerCase();
  for (const ch of typed.toLowerCase()) {
    at = lower.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

interface Request {
  snapshot: Snapshot | undefined;
  system: string | undefined;
  /** The word being typed at the cursor. */
  prefix: string;
  /** Set when names were left out of the answer. */
  incomplete: boolean;
}

/** The names a system declares, once per analysis: a keystroke then costs the names it sends, not the model's size. */
const declaredCache = new WeakMap<FileNode, Map<string, Occurrence[]>>();

function declared(ast: FileNode, system: string | undefined, kind: DeclKind): Occurrence[] {
  let bySystem = declaredCache.get(ast);
  if (!bySystem) declaredCache.set(ast, (bySystem = new Map()));
  const key = `${kind} ${system ?? ''}`;
  let list = bySystem.get(key);
  if (!list) {
    const systemIndex = ast.systems.findIndex((s) => s.name?.text === system);
    const seen = new Set<string>();
    list = indexOf(ast).declarations(systemIndex >= 0 ? systemIndex : 0, [kind]).filter((o) => !seen.has(o.name) && seen.add(o.name));
    bySystem.set(key, list);
  }
  return list;
}

function names(request: Request, kind: 'component' | 'zone', detail: (name: string) => string | undefined, keep: (name: string) => boolean = () => true): CompletionItem[] {
  const { snapshot, system, prefix } = request;
  if (!snapshot) return [];
  const chosen: Occurrence[] = [];
  const all = declared(snapshot.analysis.ast, system, kind);
  // Past MAX_NAMES, only the names that fit the word typed, and no more than MAX_NAMES of them.
  const many = all.length > MAX_NAMES;
  for (const o of all) {
    if (!keep(o.name) || (many && !fits(o.name, prefix))) continue;
    if (chosen.length === MAX_NAMES) {
      request.incomplete = true;
      break;
    }
    chosen.push(o);
  }
  if (many) request.incomplete = true;
  return chosen.map((o) => ({
    label: o.name,
    kind: o.kind === 'component' ? CompletionItemKind.Class : CompletionItemKind.Module,
    detail: detail(o.name) ?? o.kind,
  }));
}

const kindsCache = new WeakMap<FileNode, Map<string, Map<string, string>>>();

/** The kind of every component of a system, by name, in one pass over its AST, once per analysis. */
function kindsOf(snapshot: Snapshot | undefined, system: string | undefined): Map<string, string> {
  const ast = snapshot?.analysis.ast;
  if (!ast) return new Map();
  let bySystem = kindsCache.get(ast);
  if (!bySystem) kindsCache.set(ast, (bySystem = new Map()));
  const known = bySystem.get(system ?? '');
  if (known) return known;
  const kinds = new Map<string, string>();
  bySystem.set(system ?? '', kinds);
  const walk = (members: MemberNode[]) => {
    for (const m of members) {
      if (m.kind === 'component' && m.name && !kinds.has(m.name.text)) kinds.set(m.name.text, m.type.text);
      else if (m.kind === 'group') walk(m.members);
    }
  };
  const found = ast?.systems.find((x) => x.name?.text === system) ?? ast?.systems[0];
  if (found) walk(found.members);
  return kinds;
}

/** The codes a `// sysd-ignore` is for: the design findings, not the errors in the text. */
const SILENCEABLE = CODES.filter((c) => !TEXT_ERRORS.has(c.code));

const IGNORE_HEAD = /^[ \t]*\/\/\s*sysd-ignore/;
const IGNORE_REST = /^[\s,][\s,a-z-]*$/;

/** In `// sysd-ignore spof, ` at the cursor: the codes not yet listed there. */
function ignoreCodes(text: string, offset: number): CompletionItem[] | undefined {
  const lineStart = offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0;
  const head = IGNORE_HEAD.exec(text.slice(lineStart, offset));
  if (!head) return undefined;
  // The codes so far: separators and code characters only, each a single character class, so the
  // match is one linear pass (a repeated group of `[\s,]+[a-z-]*` backtracked exponentially).
  const rest = text.slice(lineStart + head[0].length, offset);
  if (rest !== '' && !IGNORE_REST.test(rest)) return undefined;
  const listed = new Set(rest.split(/[\s,]/));
  return SILENCEABLE.filter((c) => !listed.has(c.code)).map((c) => ({ label: c.code, kind: CompletionItemKind.Property, detail: `default ${c.severity}`, documentation: c.summary }));
}

/**
 * On the second line of a string the lexer reads as continuing from the line
 * above (SplitString: an error, but still a string): the line-by-line
 * completion scanner cannot see that, so it is checked here.
 */
function inSplitString(text: string, offset: number): boolean {
  const lineStart = offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0;
  if (lineStart === 0) return false;
  const previousLine = lineStart > 1 ? text.lastIndexOf('\n', lineStart - 2) + 1 : 0;
  // Only the line above is read: a search of the whole text before it would cost every keystroke the file's size.
  const onIt = text.slice(previousLine, lineStart).lastIndexOf('"');
  if (onIt < 0) return false;
  const quote = previousLine + onIt;
  const end = matchSplitString(text, quote);
  return end >= 0 && offset < end;
}

export function completion(text: string, offset: number, snapshot: Snapshot | undefined): CompletionList {
  const ignored = ignoreCodes(text, offset);
  if (ignored) return { isIncomplete: false, items: ignored };
  if (inSplitString(text, offset)) return { isIncomplete: false, items: [] };
  const context = completionContext(text, offset, snapshot && { text: snapshot.text, ast: snapshot.analysis.ast });
  if (context.silent) return { isIncomplete: false, items: [] };
  const request: Request = { snapshot, system: context.system, prefix: context.prefix, incomplete: false };
  const items = itemsFor(context, request);
  return { isIncomplete: request.incomplete, items };
}

function itemsFor(context: CompletionContext, request: Request): CompletionItem[] {
  const { snapshot } = request;
  const { block, statement, system } = context;
  const kinds = kindsOf(snapshot, system);
  const kindOf = (name: string): string | undefined => kinds.get(name);
  const last = statement[statement.length - 1];
  const lastText = last?.type === 'punct' ? last.text : undefined;

  if (block.type === 'edge' && statement.length === 0) {
    return propertiesFor('edge').map(keyItem);
  }
  // After an arrow, an alternative bar or a fan-out comma: who is called.
  if (lastText === '->' || lastText === '~>' || lastText === '|' || (lastText === ',' && statement.some((t) => t.text === '->' || t.text === '~>') && !statement.some((t) => t.text === ':'))) {
    return names(request, 'component', kindOf, (name) => !isEntryKind(kindOf(name) ?? ''));
  }
  const colon = statement.map((t) => t.text).lastIndexOf(':');
  if (colon > 0 && (lastText === ':' || lastText === ',')) {
    const key = statement[colon - 1].text;
    if (block.type === 'lint') return lastText === ':' ? LINT_SEVERITIES.map((s) => ({ label: s, kind: CompletionItemKind.EnumMember })) : CODES.map((c) => ({ label: c.code, kind: CompletionItemKind.Property, detail: c.summary }));
    if (key === 'zones') return names(request, 'zone', () => 'zone');
    if (lastText === ',') {
      const place = placeOf(block);
      return place ? propertiesFor(place, block.type === 'component' ? (block.kind as ComponentKind) : undefined).map(keyItem) : [];
    }
    const spec = propertySpec(placeOf(block) ?? 'component', key);
    if (spec?.type === 'enum') return spec.values!.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, detail: spec.key }));
    if (spec?.type === 'flag') return ['true', 'false'].map((v) => ({ label: v, kind: CompletionItemKind.Keyword }));
    return [];
  }
  if (statement.length > 0) return [];

  switch (block.type) {
    case 'top':
      return [SYSTEM_SNIPPET, keyword('system', 'a system')];
    case 'lint':
      return CODES.map((c) => ({ label: c.code, kind: CompletionItemKind.Property, detail: `default ${c.severity}`, documentation: c.summary, insertText: `${c.code}: ` }));
    case 'component':
      return propertiesFor('component', block.kind as ComponentKind).map(keyItem);
    case 'system':
    case 'group': {
      const items = [...kindItems(), COMPONENT_SNIPPET];
      if (block.type === 'system') items.push(keyword('region', 'a region of zones'), keyword('lint', 'severity overrides'));
      if (block.type === 'system' || block.group === 'region') items.push(keyword('zone', 'a zone'));
      items.push(...propertiesFor(block.type === 'system' ? 'system' : 'group').map(keyItem));
      // A statement may also start an edge from an existing component.
      items.push(...names(request, 'component', kindOf).map((i) => ({ ...i, sortText: `~${i.label}` })));
      return items;
    }
  }
  return [];
}
