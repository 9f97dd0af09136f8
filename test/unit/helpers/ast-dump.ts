/**
 * A readable, indented dump of a syntax tree and its diagnostics for golden
 * files. Ranges are shown as 1-based `line:col-line:col` (end exclusive) so a
 * reviewer can find them in an editor; values keep their unit and raw text so
 * a wrong conversion or a lost unit shows up in the diff.
 */
import type {
  AlternativesNode, CommentNode, FileNode, MemberNode, NameNode, PropertyNode, StringNode, ValueNode,
} from '../../../grammar/ast';
import type { Diagnostic, Range } from '../../../core/diagnostic';
import { LineIndex } from '../../../core/line-index';

export function dumpRange(index: LineIndex, range: Range): string {
  const a = index.position(range.start);
  const b = index.position(range.end);
  return `${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1}`;
}

export function dumpAst(ast: FileNode, text: string): string {
  const index = new LineIndex(text);
  const out: string[] = [];
  const at = (r: Range) => `@${dumpRange(index, r)}`;
  const line = (depth: number, s: string) => out.push(`${'  '.repeat(depth)}${s}`);
  const name = (n: NameNode | undefined) => (n ? `${n.text} ${at(n.range)}` : '<missing name>');
  const label = (s: StringNode | undefined) => (s ? ` label=${JSON.stringify(s.value)} ${at(s.range)}` : '');
  const value = (v: ValueNode) => {
    if (v.type === 'number') return `number ${v.value}${v.unit === null ? '' : ` unit=${v.unit}`} raw=${JSON.stringify(v.raw)} ${at(v.range)}`;
    if (v.type === 'string') return `string ${JSON.stringify(v.value)} ${at(v.range)}`;
    return `${v.type} ${v.value} ${at(v.range)}`;
  };
  const property = (p: PropertyNode, depth: number) => {
    const kind = p.values.length === 0 && !p.hasColon ? 'flag' : 'property';
    line(depth, `${kind} ${p.key.text} ${at(p.range)}`);
    for (const v of p.values) line(depth + 1, value(v));
  };
  const alternatives = (g: AlternativesNode) => g.names.map((n) => `${n.text} ${at(n.range)}`).join(' | ');
  const member = (m: MemberNode, depth: number) => {
    switch (m.kind) {
      case 'property':
        property(m, depth);
        return;
      case 'component':
        line(depth, `component ${m.type.text} ${name(m.name)}${label(m.label)} ${at(m.range)}${m.body ? ` body ${at(m.body)}` : ''}`);
        for (const p of m.properties) property(p, depth + 1);
        return;
      case 'group':
        line(depth, `${m.type} ${name(m.name)}${label(m.label)} ${at(m.range)}${m.body ? ` body ${at(m.body)}` : ''}`);
        for (const c of m.members) member(c, depth + 1);
        return;
      case 'lint':
        line(depth, `lint ${at(m.range)}`);
        for (const p of m.properties) property(p, depth + 1);
        return;
      case 'edge':
        line(depth, `edge${label(m.label)} ${at(m.range)}`);
        m.steps.forEach((step, i) => {
          line(depth + 1, `targets ${step.groups.map(alternatives).join(', ')}`);
          const arrow = m.arrows[i];
          if (arrow) line(depth + 1, `arrow ${arrow.type} ${at(arrow.range)}`);
        });
        for (const p of m.properties) property(p, depth + 1);
        return;
    }
  };
  line(0, `file ${at(ast.range)}`);
  for (const i of ast.imports) line(1, `import ${i.path ? JSON.stringify(i.path.value) : '<missing path>'} ${at(i.range)}`);
  for (const s of ast.systems) {
    line(1, `system ${name(s.name)}${label(s.label)} ${at(s.range)}`);
    for (const m of s.members) member(m, 2);
  }
  for (const c of ast.comments) line(1, comment(c, at));
  return out.join('\n') + '\n';
}

function comment(c: CommentNode, at: (r: Range) => string): string {
  const shown = c.text.length > 60 ? c.text.slice(0, 60) + '…' : c.text;
  return `${c.block ? 'block-comment' : 'comment'} ${JSON.stringify(shown)} ${at(c.range)}`;
}

export function dumpDiagnostics(diagnostics: readonly Diagnostic[], text: string): string {
  const index = new LineIndex(text);
  const sorted = [...diagnostics].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  if (sorted.length === 0) return '(no diagnostics)\n';
  return sorted.map((d) => `${dumpRange(index, d.range)} ${d.severity} ${d.code} ${d.message}`).join('\n') + '\n';
}
