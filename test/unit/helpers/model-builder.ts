/**
 * Builds a valid, fully defaulted SystemModel from a compact spec, so tests of
 * any analysis can run without the parser or the model builder.
 *
 * ```ts
 * const system = buildModel({
 *   groups: { 'us-east': { type: 'region', availability: 0.9999 },
 *             a: { parent: 'us-east', availability: 0.999 }, b: { parent: 'us-east' } },
 *   components: {
 *     shoppers: { kind: 'users', rps: 100 },
 *     lb: { kind: 'lb' },
 *     api: { replicas: 2, zones: ['a', 'b'] },          // kind defaults to service
 *     db: { kind: 'database', replicas: 2 },             // active-passive by kind
 *   },
 *   edges: ['shoppers -> lb -> api', 'api -> db | cache', ['api -> cache', { optional: true }], 'api ~> queue'],
 * });
 * ```
 *
 * Edge strings use the language's own edge syntax: `->` and `~>` chains,
 * `,` for fan-out and `|` for alternatives; the second tuple element gives
 * edge properties applied to every edge of the statement, as in the language.
 * Defaults follow docs/language.md §4–5: availability 99.9% (or mtbf/(mtbf+mttr)),
 * mttr 1 h, failover by standby (hot 10 s, warm 2 min, cold 10 min),
 * active-passive for database and storage. A zone's `zones` list and a
 * region's zones are filled in from `parent`. Names the spec uses in edges but
 * does not declare are created as services, which keeps random-model tests short.
 */
// The defaults and kinds are the model builder's own (core/model/schema.ts, core/model/kinds.ts), not copies.
import { defaultFailover, defaultValue } from '../../../core/model/schema';
import { activePassiveByDefault, isEntryKind, storesData } from '../../../core/model/kinds';
import { DEFAULT_AVAILABILITY, DEFAULT_MTTR_SECONDS } from '../../../core/model/component';
import type {
  ComponentKind,
  ComponentModel,
  DependencyGroup,
  EdgeModel,
  GroupModel,
  SystemModel,
} from '../../../core/model/types';

const NO_RANGE = { start: 0, end: 0 };

export interface GroupSpec {
  type?: 'zone' | 'region';
  availability?: number;
  parent?: string;
}

export type ComponentSpec = Partial<Omit<ComponentModel, 'name'>>;

export interface EdgeOptions {
  optional?: boolean;
  calls?: number;
  share?: number;
  latency?: number;
  timeout?: number;
  retries?: number;
  breaker?: boolean;
}

export interface SystemSpec {
  name?: string;
  slo?: number;
  sla?: number;
  latencySlo?: number;
  maxUtilisation?: number;
  groups?: Record<string, GroupSpec>;
  components?: Record<string, ComponentSpec>;
  edges?: (string | [string, EdgeOptions])[];
}

export function buildComponent(name: string, spec: ComponentSpec = {}): ComponentModel {
  const kind: ComponentKind = spec.kind ?? 'service';
  const isEntry = isEntryKind(kind);
  const replicas = spec.replicas ?? 1;
  const mttr = spec.mttr ?? DEFAULT_MTTR_SECONDS;
  const standby = spec.standby ?? 'hot';
  const dataKind = storesData(kind);
  const availability = spec.availability ?? (spec.mtbf !== undefined ? spec.mtbf / (spec.mtbf + mttr) : DEFAULT_AVAILABILITY);
  return {
    name,
    kind,
    isEntry,
    range: NO_RANGE,
    nameRange: NO_RANGE,
    headerRange: NO_RANGE,
    minUp: 1,
    mode: activePassiveByDefault(kind) ? 'active-passive' : 'active-active',
    failover: defaultFailover(standby),
    latency: 0,
    zones: [],
    hit: 0,
    replication: dataKind && replicas > 1 ? 'async' : 'none',
    stateful: false,
    assumed: new Set<string>(),
    propertyRanges: new Map(),
    ...spec,
    replicas,
    mttr,
    standby,
    availability,
    peak: spec.peak ?? spec.rps,
  };
}

function splitTargets(text: string): string[][] {
  return text
    .split(',')
    .map((alts) => alts.split('|').map((n) => n.trim()).filter((n) => n.length > 0))
    .filter((alts) => alts.length > 0);
}

export function buildModel(spec: SystemSpec): SystemModel {
  const groups: GroupModel[] = Object.entries(spec.groups ?? {}).map(([name, g]) => ({
    name,
    type: g.type ?? 'zone',
    availability: g.availability,
    parent: g.parent,
    zones: [],
    range: NO_RANGE,
    nameRange: NO_RANGE,
  }));
  const groupsByName = new Map(groups.map((g) => [g.name, g]));
  for (const g of groups) {
    const parent = g.parent === undefined ? undefined : groupsByName.get(g.parent);
    if (parent) {
      parent.type = 'region';
      parent.zones.push(g.name);
    }
  }
  const components = Object.entries(spec.components ?? {}).map(([name, c]) => buildComponent(name, c));
  const componentsByName = new Map(components.map((c) => [c.name, c]));
  const edges: EdgeModel[] = [];
  const dependencies = new Map<string, DependencyGroup[]>();
  (spec.edges ?? []).forEach((item, statement) => {
    const [text, options] = typeof item === 'string' ? [item, {} as EdgeOptions] : item;
    const parts = text.split(/(->|~>)/).map((p) => p.trim());
    for (let i = 0; i + 2 < parts.length; i += 2) {
      const kind = parts[i + 1] === '~>' ? 'async' : 'sync';
      const sources = splitTargets(parts[i]).flat();
      const targetGroups = splitTargets(parts[i + 2]);
      for (const name of [...sources, ...targetGroups.flat()]) {
        if (!componentsByName.has(name)) {
          const c = buildComponent(name);
          components.push(c);
          componentsByName.set(name, c);
        }
      }
      for (const from of sources) {
        const list = dependencies.get(from) ?? [];
        dependencies.set(from, list);
        for (const targets of targetGroups) {
          const group: DependencyGroup = { index: list.length, from, targets, edges: [], kind, optional: !!options.optional };
          for (const to of targets) {
            const e: EdgeModel = {
              id: edges.length,
              from,
              to,
              kind,
              statement,
              group: group.index,
              alternative: targets.length > 1,
              optional: !!options.optional,
              calls: options.calls ?? 1,
              share: options.share ?? 1,
              latency: options.latency ?? 0,
              timeout: options.timeout,
              retries: options.retries ?? 0,
              breaker: !!options.breaker,
              fromRange: NO_RANGE,
              toRange: NO_RANGE,
              range: NO_RANGE,
            };
            edges.push(e);
            group.edges.push(e);
          }
          list.push(group);
        }
      }
    }
  });
  return {
    name: spec.name ?? 'test',
    range: NO_RANGE,
    nameRange: NO_RANGE,
    slo: spec.slo,
    sla: spec.sla,
    latencySlo: spec.latencySlo,
    maxUtilisation: spec.maxUtilisation ?? defaultValue<number>('system', 'max-utilisation'),
    direction: 'right',
    components,
    componentsByName,
    groups,
    groupsByName,
    edges,
    dependencies,
    lint: new Map(),
    ignores: [],
    propertyRanges: new Map(),
  };
}
