/**
 * Fixes for findings, as offset edits: the editor offers them as quick fixes
 * (server/features/code-actions.ts) and the CLI prints them (`sysd check`),
 * so both propose the same edit for the same finding.
 * - a finding that proposes its own edit (`data.fix`, preferred, and
 *   `data.fixes`, to choose from): a syntax error's closing quote, ':' or
 *   split line, or joined string; an `invalid-value`'s unit, percentage,
 *   quotes or "did you mean" word;
 * - `spof`, `no-replica`, `overload`, `hot`, `no-headroom` → the replicas the
 *   analysis computed (`data.replicas`); an external `spof` → its one call
 *   made optional; `cache-failure-overload` → the replicas (or, for an
 *   active-passive component, the capacity) to carry the cache's load;
 * - `zone-spof` → spread the components over the declared zones;
 * - `no-breaker` → `timeout` and `breaker`;
 * - `async-replication` / `cross-region-sync` / `cold-standby` → the other
 *   `replication` or a warm `standby` (a trade-off, so never preferred);
 * - `sync-cycle` → make the closing call async or optional;
 * - `no-entry` → a `users` entry calling the components nothing calls;
 * - `unknown-reference` / `unknown-property` → the "did you mean" name, or
 *   declare the unknown name after an arrow as a component;
 * - and every design finding (not errors in the text) can be silenced:
 *   `// sysd-ignore code` before its statement, or `code: off` in `lint`.
 */
import type { Analysis } from './index';
import { TEXT_ERRORS } from './codes';
import { suggestedFixes, type Diagnostic, type Range } from './diagnostic';
import { asFinding, type Finding, type FindingData } from './finding-data';
import { formatPercent } from './format';
import type { LineIndex } from './line-index';
import { viewAt } from './lookup';
import { indexOf, type NodePath } from './syntax-index';
import type { ComponentNode, EdgeNode, LintNode, PropertyNode, SystemNode } from '../grammar/ast';

/** What a fix needs: the analysed text and its line index. */
export interface FixContext {
  text: string;
  lines: LineIndex;
  analysis: Analysis;
}

/** The finding to fix: its code, range (offsets) and data, as core reported them (a Diagnostic of the analysis). */
export type FixTarget = Pick<Diagnostic, 'code' | 'range' | 'data'>;

export interface Edit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  /** A repair changes the design or the text; silencing keeps the finding's cause and hides it. */
  kind: 'repair' | 'silence';
  /** The one fix an editor may apply without asking (VS Code's "preferred"). */
  preferred: boolean;
  edits: Edit[];
}

/** The timeout a `no-breaker` fix writes; a starting point the author is expected to tune. */
export const DEFAULT_TIMEOUT = '2s';

interface Block { properties: PropertyNode[]; body?: Range; range: Range }

/** Edits that set `key: value` (or add a flag) in a block, replacing the key when it is already written. */
function setProperties(ctx: FixContext, node: Block, props: [string, string | undefined][]): Edit[] {
  const { text, lines } = ctx;
  const edits: Edit[] = [];
  const added: string[] = [];
  for (const [key, value] of props) {
    const written = value === undefined ? key : `${key}: ${value}`;
    const existing = node.properties.find((p) => p.key.text === key);
    if (existing) edits.push({ range: existing.range, newText: written });
    else added.push(written);
  }
  if (added.length === 0) return edits;
  const body = node.body;
  if (!body || text[body.end - 1] !== '}') {
    edits.push({ range: { start: node.range.end, end: node.range.end }, newText: ` { ${added.join('; ')} }` });
    return edits;
  }
  const close = body.end - 1;
  const inner = text.slice(body.start + 1, close);
  if (inner.trim() === '') {
    edits.push({ range: body, newText: `{ ${added.join('; ')} }` });
  } else if (!inner.includes('\n')) {
    let at = close;
    while (at > body.start + 1 && /\s/.test(text[at - 1])) at--;
    edits.push({ range: { start: at, end: at }, newText: `; ${added.join('; ')}` });
  } else {
    // A block over several lines gets one line per property, indented like its first property.
    const closeLine = lines.lineOf(close);
    const first = node.properties[0];
    const indent = first ? indentAt(ctx, first.range.start) : `${indentAt(ctx, close)}  `;
    const beforeClose = text.slice(lines.lineStart(closeLine), close);
    if (beforeClose.trim() === '') {
      const at = lines.lineStart(closeLine);
      edits.push({ range: { start: at, end: at }, newText: added.map((p) => `${indent}${p}\n`).join('') });
    } else {
      edits.push({ range: { start: close, end: close }, newText: `\n${added.map((p) => `${indent}${p}`).join('\n')}\n${indentAt(ctx, close)}` });
    }
  }
  return edits;
}

/** The blanks that begin the line holding `offset`. */
function indentAt(ctx: FixContext, offset: number): string {
  return /^[ \t]*/.exec(ctx.text.slice(ctx.lines.lineStart(ctx.lines.lineOf(offset))))![0];
}

function fix(title: string, edits: Edit[], preferred = false, kind: Fix['kind'] = 'repair'): Fix {
  return { title, kind, preferred, edits };
}

/**
 * The fixes of one finding, best first: the edit the finding proposes itself
 * (whatever its code), then the repairs its code calls for, then the two ways
 * of silencing it.
 */
export function fixesFor(ctx: FixContext, diagnostic: FixTarget, onError: (error: unknown, code: FixTarget['code']) => void = reportFixError): Fix[] {
  try {
    return computeFixes(ctx, diagnostic);
  } catch (error) {
    // A fix is a convenience: a bug here must not cost the finding itself (the CLI prints both), but it is a bug,
    // so it is told to whoever called (the server's log, the CLI's stderr) instead of vanishing.
    onError(error, diagnostic.code);
    return [];
  }
}

/** What a failing fix is told as, one line unless `stack` (for a log, not a terminal) adds where it failed. */
export function fixFailure(error: unknown, code: FixTarget['code'], stack = true): string {
  const detail = error instanceof Error ? (stack ? error.stack ?? error.message : error.message) : String(error);
  return `sysd: computing the fixes of a '${String(code)}' finding failed: ${detail}`;
}

/** Where a failing fix is told when the caller gives no channel of its own: the process's standard error. */
export function reportFixError(error: unknown, code: FixTarget['code']): void {
  console.error(fixFailure(error, code));
}

function computeFixes(ctx: FixContext, target: FixTarget): Fix[] {
  const diagnostic = asFinding(target);
  const proposed = suggestedFixes(diagnostic.data).map((p) => fix(p.fix.title, p.fix.edits.map((e) => ({ range: { ...e.range }, newText: e.newText })), p.preferred));
  const path = indexOf(ctx.analysis.ast).pathAt(diagnostic.range.start);
  return [...proposed, ...codeFixes(ctx, diagnostic, path), ...suppressions(ctx, diagnostic, path)];
}


/**
 * A design finding the author accepts can be silenced, as linters allow:
 * `// sysd-ignore code` on the line before its statement (added to one that
 * is already there), or `code: off` in the system's `lint` block.
 */
function suppressions(ctx: FixContext, diagnostic: Finding, path: NodePath): Fix[] {
  const code = diagnostic.code;
  if (TEXT_ERRORS.has(code)) return [];
  const { text, lines } = ctx;
  const system = path.system;
  if (!system) return [];
  const actions: Fix[] = [];
  // The innermost statement that begins its line: a comment on the line before covers it.
  const lineStartOf = (at: number) => lines.lineStart(lines.lineOf(at));
  const beginsLine = (node: { range: Range }) => text.slice(lineStartOf(node.range.start), node.range.start).trim() === '';
  const statement = [path.property, path.component ?? path.edge ?? path.lint, ...[...path.groups].reverse()].find((n): n is NonNullable<typeof n> => !!n && beginsLine(n));
  if (statement) {
    const line = lines.lineOf(statement.range.start);
    const start = lines.lineStart(line);
    const previousEnd = line > 0 ? lines.lineEnd(line - 1) : 0;
    const existing = line > 0 && /^[ \t]*\/\/\s*sysd-ignore\b/.test(text.slice(lines.lineStart(line - 1), previousEnd));
    const edit: Edit = existing
      ? { range: { start: previousEnd, end: previousEnd }, newText: `, ${code}` }
      : { range: { start, end: start }, newText: `${indentAt(ctx, start)}// sysd-ignore ${code}\n` };
    actions.push(fix(`Ignore '${code}' here (// sysd-ignore)`, [edit], false, 'silence'));
  }
  const lint = lintBlockOf(system);
  const name = system.name ? ` in system '${system.name.text}'` : '';
  if (lint) actions.push(fix(`Turn '${code}' off${name} (lint)`, setProperties(ctx, lint, [[code, 'off']]), false, 'silence'));
  else {
    const edit = atTopOfSystem(ctx, system, [`lint { ${code}: off }`]);
    if (edit) actions.push(fix(`Turn '${code}' off${name} (lint)`, [edit], false, 'silence'));
  }
  return actions;
}

const lintBlocks = new WeakMap<SystemNode, LintNode | undefined>();

/**
 * The system's `lint` block, looked up once per system: every finding of a
 * system offers to turn its code off there, and a search of the members per
 * finding made `sysd check` quadratic (40,000 services: 8.5 s against 1.1 s
 * for 10,000).
 */
function lintBlockOf(system: SystemNode): LintNode | undefined {
  if (!lintBlocks.has(system)) lintBlocks.set(system, system.members.find((m): m is LintNode => m.kind === 'lint'));
  return lintBlocks.get(system);
}

/**
 * Statements inserted first in a system's body: each on a line of its own,
 * indented like the first member, when the body spans lines; else after the
 * '{' on its line, separated by ';'. Undefined when the body has no '{'.
 */
function atTopOfSystem(ctx: FixContext, system: SystemNode, statements: string[]): Edit | undefined {
  const { text, lines } = ctx;
  const body = system.body;
  if (!body || text[body.start] !== '{') return undefined;
  const first = system.members[0];
  const indent = first ? indentAt(ctx, first.range.start) : '  ';
  const lineEnd = text.indexOf('\n', body.start);
  const multiLine = first ? lines.lineOf(first.range.start) > lines.lineOf(body.start) : lineEnd !== -1 && lineEnd < body.end;
  return multiLine
    ? { range: { start: lineEnd + 1, end: lineEnd + 1 }, newText: statements.map((st) => `${indent}${st}\n`).join('') }
    : { range: { start: body.start + 1, end: body.start + 1 }, newText: ` ${statements.join('; ')};` };
}

/** `Add replicas: 3 to 'api'`, or `Set replicas: 5 on 'api'` when the block already has it; `note` ends the title. */
function replicasFix(ctx: FixContext, node: ComponentNode | undefined, replicas: number | undefined, note = ''): Fix[] {
  if (!node?.name || replicas === undefined || !Number.isInteger(replicas) || replicas < 2) return [];
  const written = node.properties.some((p) => p.key.text === 'replicas');
  const title = written ? `Set replicas: ${replicas} on '${node.name.text}'${note}` : `Add replicas: ${replicas} to '${node.name.text}'${note}`;
  return [fix(title, setProperties(ctx, node, [['replicas', String(replicas)]]), true)];
}

function codeFixes(ctx: FixContext, diagnostic: Finding, path: NodePath): Fix[] {
  const range = diagnostic.range;
  switch (diagnostic.code) {
    case 'spof': {
      const node = path.component;
      if (!node?.name) return [];
      const model = viewAt(ctx.analysis, path.systemIndex)?.model.componentsByName.get(node.name.text);
      if (model?.kind === 'external') return optionalCallFix(ctx, path.systemIndex, node.name.text);
      // Core says how many replicas remove the SPOF; otherwise one more than must stay up.
      const proposed = diagnostic.data?.replicas;
      const replicas = proposed !== undefined && proposed >= 2 ? proposed : Math.max(2, (model?.minUp ?? 1) + 1);
      return replicasFix(ctx, node, replicas);
    }
    case 'no-replica':
      return replicasFix(ctx, path.component, diagnostic.data?.replicas);
    case 'overload':
    case 'hot':
    case 'no-headroom':
      // Core sized it so that one fix clears overload, hot and no-headroom at once.
      return sizingFix(ctx, path.component, diagnostic.data);
    case 'cache-failure-overload':
      return sizingFix(ctx, path.component, diagnostic.data, `if '${diagnostic.data?.cache ?? 'the cache'}' fails`);
    case 'async-replication':
      return setFix(ctx, path.component, 'replication', 'sync', 'Replicate synchronously (replication: sync)');
    case 'cross-region-sync':
      return setFix(ctx, path.component, 'replication', 'async', 'Replicate asynchronously (replication: async)');
    case 'cold-standby':
      return setFix(ctx, path.component, 'standby', 'warm', 'Use a warm standby (standby: warm)');
    case 'sync-cycle':
      return path.edge ? syncCycleFixes(ctx, path.edge, range.start) : [];
    case 'no-entry':
      return path.system ? noEntryFix(ctx, path.system, path.systemIndex) : [];
    case 'no-breaker': {
      const edge = path.edge;
      if (!edge) return [];
      const has = (key: string) => edge.properties.some((p) => p.key.text === key);
      const props: [string, string | undefined][] = [];
      if (!has('timeout')) props.push(['timeout', DEFAULT_TIMEOUT]);
      if (!has('breaker')) props.push(['breaker', undefined]);
      if (props.length === 0) return [];
      return [fix('Add a timeout and a circuit breaker to this call', setProperties(ctx, edge, props), true)];
    }
    case 'zone-spof':
      return zoneSpofFix(ctx, diagnostic, range.start, path.systemIndex);
    case 'unknown-property':
    case 'unknown-reference': {
      const actions: Fix[] = [];
      const suggestion = diagnostic.data?.suggestion;
      if (suggestion) actions.push(fix(`Change to '${suggestion}'`, [{ range: diagnostic.range, newText: suggestion }], true));
      const edge = path.edge;
      const reference = diagnostic.code === 'unknown-reference' ? diagnostic.data : undefined;
      const name = reference?.name ?? ctx.text.slice(range.start, range.end);
      if (reference && edge && !reference.isGroup && /^[A-Za-z]/.test(name)) {
        const start = ctx.lines.lineStart(ctx.lines.lineOf(edge.range.start));
        actions.push(fix(`Declare '${name}' as a service`, [{ range: { start, end: start }, newText: `${indentAt(ctx, start)}service ${name}\n` }]));
      }
      return actions;
    }
    default:
      return [];
  }
}

/**
 * The size core computed for a component over its capacity (`data.replicas`
 * with `data.utilisationAfter`, or `data.capacity`), under `condition` (`if
 * 'redis' fails`) when the load is that of a failure. A capacity is what the
 * one active instance of an active-passive component must have: a claim
 * about the hardware, so offered but not preferred.
 */
function sizingFix(ctx: FixContext, node: ComponentNode | undefined, data: FindingData<'hot'> | undefined, condition = ''): Fix[] {
  const when = condition ? ` ${condition}` : '';
  if (data?.capacity !== undefined) {
    if (!node?.name) return [];
    const rate = data.capacity % 1000 === 0 ? `${data.capacity / 1000}k rps` : `${data.capacity} rps`;
    return [fix(`Set capacity: ${rate} on '${node.name.text}'${condition ? ` (enough${when})` : ''}`, setProperties(ctx, node, [['capacity', rate]]))];
  }
  if (data?.replicas === undefined) return [];
  return replicasFix(ctx, node, data.replicas, ` (${formatPercent(data.utilisationAfter)} at peak${when})`);
}

/** A trade-off rather than a repair, so offered but never preferred. */
function setFix(ctx: FixContext, node: ComponentNode | undefined, key: string, value: string, title: string): Fix[] {
  if (!node) return [];
  return [fix(title, setProperties(ctx, node, [[key, value]]))];
}

/**
 * The call that closes a synchronous cycle, made async (`~>`) or `optional`.
 * Offered only where the arrow joins one caller to one callee, so the edit
 * changes no other call; `optional` also needs the statement to be that one call.
 */
function syncCycleFixes(ctx: FixContext, edge: EdgeNode, offset: number): Fix[] {
  const step = edge.steps.findIndex((s, i) => i > 0 && s.groups.some((g) => g.names.some((n) => n.range.start === offset)));
  const arrow = edge.arrows[step - 1];
  if (step < 1 || !arrow || arrow.type !== '->') return [];
  const single = (i: number) => edge.steps[i].groups.length === 1 && edge.steps[i].groups[0].names.length === 1;
  if (!single(step) || !single(step - 1)) return [];
  const call = `${edge.steps[step - 1].groups[0].names[0].text} -> ${edge.steps[step].groups[0].names[0].text}`;
  const actions = [fix(`Make the call ${call} asynchronous (~>)`, [{ range: arrow.range, newText: '~>' }])];
  if (edge.arrows.length === 1) actions.push(fix(`Make the call ${call} optional`, setProperties(ctx, edge, [['optional', undefined]])));
  return actions;
}

/**
 * An external service someone else runs: when one plain call (`a -> x`, alone
 * on its statement) is all that needs it, that call made `optional`. A
 * business decision (the caller must cope without it), so never preferred.
 */
function optionalCallFix(ctx: FixContext, systemIndex: number, name: string): Fix[] {
  const view = viewAt(ctx.analysis, systemIndex);
  const calls = view?.model.edges.filter((e) => e.to === name && e.kind === 'sync' && !e.optional) ?? [];
  if (calls.length !== 1) return [];
  const edge = indexOf(ctx.analysis.ast).pathAt(calls[0].toRange.start).edge;
  if (!edge || edge.arrows.length !== 1 || edge.steps.some((s) => s.groups.length !== 1 || s.groups[0].names.length !== 1)) return [];
  return [fix(`Make the call ${calls[0].from} -> ${name} optional`, setProperties(ctx, edge, [['optional', undefined]]))];
}

/**
 * A `users` entry at the top of the system body that calls every component
 * nothing calls yet (or the first component, when every one is called), with
 * a placeholder rate the author is expected to change.
 */
function noEntryFix(ctx: FixContext, system: SystemNode, systemIndex: number): Fix[] {
  const view = viewAt(ctx.analysis, systemIndex);
  if (!view || view.model.components.length === 0) return [];
  const called = new Set(view.model.edges.map((e) => e.to));
  const roots = view.model.components.filter((c) => !called.has(c.name)).map((c) => c.name);
  const targets = roots.length ? roots : [view.model.components[0].name];
  let name = 'web';
  for (let i = 2; view.model.componentsByName.has(name) || view.model.groupsByName.has(name); i++) name = `web-${i}`;
  const edit = atTopOfSystem(ctx, system, [`users ${name} { rps: 100 }`, `${name} -> ${targets.join(', ')}`]);
  return edit ? [fix(`Add a 'users' entry '${name}' that calls ${targets.join(', ')}`, [edit], true)] : [];
}

/** Components placed only in the failing zone (or region) are spread over every declared zone. */
function zoneSpofFix(ctx: FixContext, diagnostic: Finding & { code: 'zone-spof' }, offset: number, systemIndex: number): Fix[] {
  const view = viewAt(ctx.analysis, systemIndex);
  if (!view) return [];
  const syntax = indexOf(ctx.analysis.ast);
  const occurrence = syntax.at(offset);
  const group = occurrence ? view.model.groupsByName.get(occurrence.name) : view.model.groups.find((g) => g.nameRange.start <= offset && offset <= g.nameRange.end);
  if (!group) return [];
  const failing = new Set(group.type === 'zone' ? [group.name] : group.zones);
  const allZones = diagnostic.data?.zones ?? view.model.groups.filter((g) => g.type === 'zone').map((g) => g.name);
  // Spreading helps only when some declared zone lies outside the failing group.
  if (!allZones.some((z) => !failing.has(z))) return [];
  const edits: Edit[] = [];
  const names: string[] = [];
  for (const component of view.model.components) {
    if (component.isEntry || component.zones.length === 0 || !component.zones.every((z) => failing.has(z))) continue;
    // A component written inside a zone block cannot be spread by a property; it has to move.
    if (component.group && view.model.groupsByName.get(component.group)?.type === 'zone') continue;
    const node = syntax.pathAt(component.nameRange.start).component;
    if (!node) continue;
    const replicas = Math.max(component.replicas, allZones.length);
    const props: [string, string][] = [['zones', allZones.join(', ')]];
    if (replicas !== component.replicas) props.push(['replicas', String(replicas)]);
    edits.push(...setProperties(ctx, node, props));
    names.push(component.name);
  }
  if (edits.length === 0) return [];
  return [fix(`Spread ${names.join(', ')} over zones ${allZones.join(', ')}`, edits, true)];
}

