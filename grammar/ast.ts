/**
 * The syntax tree of a .sysd file. Every node carries the source range it was
 * built from (UTF-16 offsets, end exclusive). Nodes may be partial when the
 * parser recovered from an error: optional fields are then absent.
 */
import type { Range } from '../core/diagnostic';

export interface NameNode {
  text: string;
  range: Range;
}

export interface StringNode {
  /** The unescaped value. */
  value: string;
  range: Range;
}

export type NumberUnit =
  | '%' | 'ms' | 's' | 'min' | 'h' | 'd'
  | 'rps' | 'qps' | 'rpm'
  | 'B' | 'KB' | 'MB' | 'GB' | 'TB';

export type ValueNode =
  | { type: 'number'; value: number; unit: NumberUnit | null; raw: string; range: Range }
  | { type: 'name'; value: string; raw: string; range: Range }
  | { type: 'string'; value: string; raw: string; range: Range }
  | { type: 'bool'; value: boolean; raw: string; range: Range };

export interface PropertyNode {
  kind: 'property';
  key: NameNode;
  /** Empty for a flag written without a value (`optional`). */
  values: ValueNode[];
  /** True when a ':' was written (so `replicas:` with no value is an error, not a flag). */
  hasColon: boolean;
  range: Range;
}

export interface ComponentNode {
  kind: 'component';
  /** The kind keyword as written (`service`, `lb`, ...). */
  type: NameNode;
  name?: NameNode;
  label?: StringNode;
  properties: PropertyNode[];
  /** Range of the `{ ... }` block, when written. */
  body?: Range;
  range: Range;
}

export interface GroupNode {
  kind: 'group';
  type: 'region' | 'zone';
  keyword: Range;
  name?: NameNode;
  label?: StringNode;
  members: MemberNode[];
  body?: Range;
  range: Range;
}

/** `a | b`: any one of the names will do. */
export interface AlternativesNode {
  names: NameNode[];
  range: Range;
}

/** `a, b | c`: a list of alternatives groups. */
export interface TargetsNode {
  groups: AlternativesNode[];
  range: Range;
}

export interface ArrowNode {
  type: '->' | '~>';
  range: Range;
}

export interface EdgeNode {
  kind: 'edge';
  /** steps[i] --arrows[i]--> steps[i+1]. */
  steps: TargetsNode[];
  arrows: ArrowNode[];
  label?: StringNode;
  properties: PropertyNode[];
  body?: Range;
  range: Range;
}

export interface LintNode {
  kind: 'lint';
  keyword: Range;
  properties: PropertyNode[];
  body?: Range;
  range: Range;
}

export type MemberNode = PropertyNode | ComponentNode | GroupNode | EdgeNode | LintNode;

export interface SystemNode {
  kind: 'system';
  keyword: Range;
  name?: NameNode;
  label?: StringNode;
  members: MemberNode[];
  body?: Range;
  range: Range;
}

export interface ImportNode {
  kind: 'import';
  path?: StringNode;
  range: Range;
}

export interface CommentNode {
  text: string;
  block: boolean;
  range: Range;
}

export interface FileNode {
  kind: 'file';
  imports: ImportNode[];
  systems: SystemNode[];
  comments: CommentNode[];
  range: Range;
}
