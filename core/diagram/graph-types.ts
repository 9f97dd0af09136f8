/**
 * The ELK graph the diagram builds, with what the renderer needs attached
 * under `sysd`. ELK ignores unknown keys and hands them back untouched, and
 * they survive a structured clone, so the same object goes through the
 * in-process layouter, the worker and the fallback unchanged.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { ComponentKind, EdgeKind } from '../model/types';

export type { ElkExtendedEdge, ElkNode, ElkPoint, ElkEdgeSection, ElkLabel } from 'elkjs/lib/elk-api';

export type Badge = 'spof' | 'overload' | 'hot';

/** [start, end) UTF-16 offsets into the source, as in core/diagnostic.ts. */
export type Span = [number, number];

export interface ComponentMeta {
  type: 'component';
  name: string;
  kind: ComponentKind;
  /** First line: the kind, and the name when a label replaces it below. */
  caption: string;
  /** Second line: the label, or the name. */
  label: string;
  /** Third line: the figures that matter; absent when there are no figures. */
  figures?: string;
  badges: Badge[];
  /** Tooltip text, several lines. */
  title: string;
  range: Span;
  nameRange: Span;
}

export interface GroupMeta {
  type: 'region' | 'zone';
  name: string;
  label: string;
  /** A zone or region whose failure alone takes an entry down. */
  badges: Badge[];
  title: string;
  range: Span;
  nameRange: Span;
  /** Zones with nothing declared in them, named in the title instead of drawn. */
  zonesNote?: string;
}

export interface SystemMeta {
  type: 'system';
  name: string;
  label: string;
  direction: 'right' | 'down';
  /** Kinds present, in the legend's order. */
  kinds: ComponentKind[];
  /** Edge styles present, for the legend. */
  edgeStyles: EdgeStyle[];
  badges: Badge[];
  /** One line of system figures under the title. */
  summary?: string;
}

export type EdgeStyle = 'sync' | 'async' | 'optional' | 'alternative';

export interface EdgeMeta {
  from: string;
  to: string;
  kind: EdgeKind;
  optional: boolean;
  alternative: boolean;
  /** The EdgeModel id, for what-if toggles. */
  edgeId: number;
  statement: number;
  group: number;
  label?: string;
  title: string;
  range: Span;
  toRange: Span;
}

export interface DiagramNode extends ElkNode {
  sysd?: ComponentMeta | GroupMeta | SystemMeta;
  children?: DiagramNode[];
  edges?: DiagramEdge[];
}

export interface DiagramEdge extends ElkExtendedEdge {
  sysd?: EdgeMeta;
  /** Set by ELK after layout: the node whose coordinates the sections are in. */
  container?: string;
}
