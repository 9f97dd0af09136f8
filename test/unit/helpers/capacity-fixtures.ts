/**
 * A small hand-made SystemModel builder for the capacity, latency and graph
 * tests, so they can run without the parser and the model builder. Defaults
 * follow LANGUAGE.md §4–5 (one replica, active-active unless a database or
 * storage, 99.9% availability, hit 0, calls 1, share 100%).
 */
import type { ComponentKind, ComponentModel, DependencyGroup, EdgeModel, SystemModel } from '../../../core/model/types';

const NO_RANGE = { start: 0, end: 0 };

export type ComponentSpec = Partial<ComponentModel> & { name: string; kind: ComponentKind };

/** One step of an edge statement: `from -> to` or, with several targets, `from -> a | b`. */
export interface EdgeSpec {
  from: string;
  to: string | string[];
  async?: boolean;
  optional?: boolean;
  calls?: number;
  share?: number;
  latency?: number;
}

export function component(name: string, kind: ComponentKind, props: Partial<ComponentModel> = {}): ComponentSpec {
  return { name, kind, ...props };
}

export function edge(from: string, to: string | string[], props: Omit<EdgeSpec, 'from' | 'to'> = {}): EdgeSpec {
  return { from, to, ...props };
}

/** A chain `names[0] -> names[1] -> ...`, all of kind service unless given. */
export function chain(names: string[], props: Omit<EdgeSpec, 'from' | 'to'> = {}): EdgeSpec[] {
  return names.slice(1).map((to, i) => edge(names[i], to, props));
}

export function buildSystem(components: ComponentSpec[], edgeSpecs: EdgeSpec[]): SystemModel {
  const models: ComponentModel[] = components.map((spec) => {
    const isEntry = spec.kind === 'users' || spec.kind === 'client';
    const stateful = spec.kind === 'database' || spec.kind === 'storage';
    return {
      isEntry,
      range: NO_RANGE,
      nameRange: NO_RANGE,
      headerRange: NO_RANGE,
      replicas: 1,
      minUp: 1,
      mode: stateful ? 'active-passive' : 'active-active',
      standby: 'hot',
      failover: 10,
      availability: 0.999,
      mttr: 3600,
      latency: 0,
      zones: [],
      hit: 0,
      replication: 'none',
      stateful: false,
      assumed: new Set<string>(),
      propertyRanges: new Map(),
      ...(isEntry && spec.rps !== undefined && spec.peak === undefined ? { peak: spec.rps } : {}),
      ...spec,
    };
  });
  const edges: EdgeModel[] = [];
  const dependencies = new Map<string, DependencyGroup[]>();
  edgeSpecs.forEach((spec, statement) => {
    const targets = Array.isArray(spec.to) ? spec.to : [spec.to];
    const groups = dependencies.get(spec.from) ?? [];
    dependencies.set(spec.from, groups);
    const kind = spec.async ? 'async' : 'sync';
    const group: DependencyGroup = { index: groups.length, from: spec.from, targets, edges: [], kind, optional: !!spec.optional };
    groups.push(group);
    for (const to of targets) {
      const e: EdgeModel = {
        id: edges.length,
        from: spec.from,
        to,
        kind,
        statement,
        group: group.index,
        alternative: targets.length > 1,
        optional: !!spec.optional,
        calls: spec.calls ?? 1,
        share: spec.share ?? 1,
        latency: spec.latency ?? 0,
        retries: 0,
        breaker: false,
        fromRange: NO_RANGE,
        toRange: NO_RANGE,
        range: NO_RANGE,
      };
      edges.push(e);
      group.edges.push(e);
    }
  });
  return {
    name: 'test',
    range: NO_RANGE,
    nameRange: NO_RANGE,
    maxUtilisation: 0.8,
    direction: 'right',
    components: models,
    componentsByName: new Map(models.map((c) => [c.name, c])),
    groups: [],
    groupsByName: new Map(),
    edges,
    dependencies,
    lint: new Map(),
    ignores: [],
    propertyRanges: new Map(),
  };
}
