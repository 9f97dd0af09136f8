/**
 * Every name written in a file, declaration or reference, found once per
 * analysis from the AST. Navigation, rename, highlights, semantic tokens and
 * hover all ask this index what sits under the cursor.
 */
import type { Range } from './diagnostic';
import type {
  ComponentNode, EdgeNode, FileNode, GroupNode, LintNode, MemberNode, PropertyNode, SystemNode, ValueNode,
} from '../grammar/ast';

export type DeclKind = 'system' | 'component' | 'zone' | 'region';

export interface Occurrence {
  /** Index of the system in ast.systems; -1 for a system's own name. */
  system: number;
  name: string;
  range: Range;
  declaration: boolean;
  /** What a declaration declares; for a reference, what `zones:` or an edge expects. */
  kind: DeclKind;
}

/** The chain of nodes that contain an offset, outermost first. */
export interface NodePath {
  system?: SystemNode;
  systemIndex: number;
  groups: GroupNode[];
  component?: ComponentNode;
  edge?: EdgeNode;
  lint?: LintNode;
  property?: PropertyNode;
  value?: ValueNode;
}

const inside = (range: Range | undefined, offset: number): boolean =>
  !!range && range.start <= offset && offset <= range.end;

/**
 * The index of the first of `nodes` (in source order, not overlapping) whose
 * range holds `offset`, or -1. Binary search: the CLI asks this for every
 * finding, of a system of 10,000 members or a block of 40,000 properties, so
 * a linear find() made fixes quadratic.
 */
function indexAt(nodes: readonly { range: Range }[], offset: number): number {
  let lo = 0;
  let hi = nodes.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid].range.start <= offset) (last = mid), (lo = mid + 1);
    else hi = mid - 1;
  }
  // A statement that ends where the next begins (`a;b`) holds the offset first, as find() would say.
  if (last > 0 && inside(nodes[last - 1].range, offset)) return last - 1;
  return last >= 0 && inside(nodes[last].range, offset) ? last : -1;
}

function nodeAt<T extends { range: Range }>(nodes: readonly T[], offset: number): T | undefined {
  const i = indexAt(nodes, offset);
  return i < 0 ? undefined : nodes[i];
}

export class SyntaxIndex {
  readonly occurrences: Occurrence[] = [];

  constructor(readonly ast: FileNode) {
    ast.systems.forEach((system, index) => {
      if (system.name) this.occurrences.push({ system: -1, name: system.name.text, range: system.name.range, declaration: true, kind: 'system' });
      this.collect(system.members, index);
    });
    this.occurrences.sort((a, b) => a.range.start - b.range.start);
  }

  private collect(members: MemberNode[], system: number): void {
    for (const member of members) {
      if (member.kind === 'component') {
        if (member.name) this.occurrences.push({ system, name: member.name.text, range: member.name.range, declaration: true, kind: 'component' });
        for (const property of member.properties) this.collectZones(property, system);
      } else if (member.kind === 'group') {
        if (member.name) this.occurrences.push({ system, name: member.name.text, range: member.name.range, declaration: true, kind: member.type });
        this.collect(member.members, system);
      } else if (member.kind === 'edge') {
        for (const step of member.steps) {
          for (const group of step.groups) {
            for (const name of group.names) this.occurrences.push({ system, name: name.text, range: name.range, declaration: false, kind: 'component' });
          }
        }
      }
    }
  }

  private collectZones(property: PropertyNode, system: number): void {
    if (property.key.text !== 'zones') return;
    for (const value of property.values) {
      if (value.type === 'name') this.occurrences.push({ system, name: value.value, range: value.range, declaration: false, kind: 'zone' });
    }
  }

  /** The name under the cursor: the offset may sit at either end of it. */
  at(offset: number): Occurrence | undefined {
    let low = 0;
    let high = this.occurrences.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const range = this.occurrences[mid].range;
      if (range.end < offset) low = mid + 1;
      else if (range.start > offset) high = mid - 1;
      else {
        // Prefer the name that starts at the cursor when two names touch it.
        const next = this.occurrences[mid + 1];
        return next && next.range.start === offset ? next : this.occurrences[mid];
      }
    }
    return undefined;
  }

  /** Every occurrence of the same name in the same system, declarations first. */
  related(occurrence: Occurrence): Occurrence[] {
    return this.occurrences
      .filter((o) => o.system === occurrence.system && o.name === occurrence.name)
      .sort((a, b) => Number(b.declaration) - Number(a.declaration) || a.range.start - b.range.start);
  }

  declarationOf(occurrence: Occurrence): Occurrence | undefined {
    return this.related(occurrence).find((o) => o.declaration);
  }

  /** Declarations of one system (components, zones, regions), in source order. */
  declarations(system: number, kinds?: DeclKind[]): Occurrence[] {
    return this.occurrences.filter((o) => o.system === system && o.declaration && (!kinds || kinds.includes(o.kind)));
  }

  /** The nodes that contain `offset`, from the system down to a value. */
  pathAt(offset: number): NodePath {
    const path: NodePath = { systemIndex: -1, groups: [] };
    const systemIndex = indexAt(this.ast.systems, offset);
    if (systemIndex < 0) return path;
    path.system = this.ast.systems[systemIndex];
    path.systemIndex = systemIndex;
    let members: MemberNode[] = path.system.members;
    for (;;) {
      const member = nodeAt(members, offset);
      if (!member) return path;
      if (member.kind === 'group') {
        path.groups.push(member);
        members = member.members;
        continue;
      }
      let properties: PropertyNode[] = [];
      if (member.kind === 'property') properties = [member];
      else if (member.kind === 'component') (path.component = member), (properties = member.properties);
      else if (member.kind === 'edge') (path.edge = member), (properties = member.properties);
      else if (member.kind === 'lint') (path.lint = member), (properties = member.properties);
      path.property = nodeAt(properties, offset);
      path.value = path.property && nodeAt(path.property.values, offset);
      return path;
    }
  }
}

const cache = new WeakMap<FileNode, SyntaxIndex>();

/** The index of an AST, built once and shared by every feature. */
export function indexOf(ast: FileNode): SyntaxIndex {
  let index = cache.get(ast);
  if (!index) {
    index = new SyntaxIndex(ast);
    cache.set(ast, index);
  }
  return index;
}
