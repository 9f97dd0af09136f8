/**
 * The resolved model: names bound, units normalised (seconds, requests per
 * second, fractions), defaults of docs/language.md §4–5 applied. Analyses read only
 * this; they never look at the AST.
 */
import type { Diagnostic, Range, Severity } from '../diagnostic';

import type { ComponentKind } from './kinds';

// The kinds are declared with their flags in core/model/kinds.ts.
export { COMPONENT_KINDS, type ComponentKind } from './kinds';

export type Mode = 'active-active' | 'active-passive';
export type Standby = 'hot' | 'warm' | 'cold';
export type Replication = 'sync' | 'async' | 'none';

export interface GroupModel {
  name: string;
  type: 'region' | 'zone';
  label?: string;
  /** Probability the whole group is up; undefined = the group never fails in the figures. */
  availability?: number;
  /** For a zone inside a region: the region's name. */
  parent?: string;
  /** For a region: its zones, in declaration order. */
  zones: string[];
  range: Range;
  nameRange: Range;
}

export interface ComponentModel {
  name: string;
  kind: ComponentKind;
  /** users and client: an entry point, never fails. */
  isEntry: boolean;
  label?: string;
  range: Range;
  nameRange: Range;
  /** From the kind keyword to the end of the label: where inlay hints go after. */
  headerRange: Range;
  replicas: number;
  minUp: number;
  mode: Mode;
  standby: Standby;
  /** Seconds. */
  failover: number;
  /** One instance, fraction. */
  availability: number;
  /** Seconds, when given. */
  mtbf?: number;
  /** Seconds. */
  mttr: number;
  /** Requests per second one instance serves; undefined = not declared. */
  capacity?: number;
  /** Seconds. */
  latency: number;
  /**
   * Zones the replicas are spread over, in order (instance i runs in
   * zones[i mod zones.length]). Explicit `zones:`, else the enclosing zone, else
   * the enclosing region's zones. Empty when placed nowhere.
   */
  zones: string[];
  /** Region the component sits in without a zone (its zones then come from the region). */
  region?: string;
  /** The innermost group the component is declared in. */
  group?: string;
  hit: number;
  replication: Replication;
  stateful: boolean;
  /** users/client only, requests per second. */
  rps?: number;
  peak?: number;
  technology?: string;
  description?: string;
  owner?: string;
  /** Keys whose value is a default (shown as "(default)" in hovers). */
  assumed: Set<string>;
  /** Where each key given explicitly was written (the whole property). */
  propertyRanges: ReadonlyMap<string, Range>;
}

export type EdgeKind = 'sync' | 'async';

/** One caller → callee edge, after chains, fan-out and alternatives are expanded. */
export interface EdgeModel {
  id: number;
  from: string;
  to: string;
  kind: EdgeKind;
  /** Index of the edge statement (EdgeStatement.id) this edge came from. */
  statement: number;
  /** Index of the DependencyGroup this edge belongs to in `from`'s list. */
  group: number;
  /** True when `to` has siblings in an alternatives group (`a -> b | c`). */
  alternative: boolean;
  optional: boolean;
  calls: number;
  share: number;
  /** Seconds. */
  latency: number;
  timeout?: number;
  retries: number;
  breaker: boolean;
  protocol?: string;
  label?: string;
  fromRange: Range;
  toRange: Range;
  /** The whole statement. */
  range: Range;
}

/** What a component needs: one of `targets` (an alternatives group of one statement step). */
export interface DependencyGroup {
  index: number;
  from: string;
  targets: string[];
  edges: EdgeModel[];
  kind: EdgeKind;
  optional: boolean;
}

export interface SystemModel {
  name: string;
  label?: string;
  range: Range;
  nameRange: Range;
  slo?: number;
  sla?: number;
  /** Seconds. */
  latencySlo?: number;
  maxUtilisation: number;
  direction: 'right' | 'down';
  components: ComponentModel[];
  componentsByName: Map<string, ComponentModel>;
  groups: GroupModel[];
  groupsByName: Map<string, GroupModel>;
  edges: EdgeModel[];
  /** Outgoing dependency groups of each component, in source order. */
  dependencies: Map<string, DependencyGroup[]>;
  /** Severity overrides from `lint { code: severity }`. */
  lint: Map<string, Severity | 'off'>;
  /** Statements preceded by `// sysd-ignore code...`. */
  ignores: { range: Range; codes: Set<string> }[];
  /** Property ranges on the system itself (slo, sla, ...). */
  propertyRanges: ReadonlyMap<string, Range>;
}

export interface Model {
  systems: SystemModel[];
  diagnostics: Diagnostic[];
}
