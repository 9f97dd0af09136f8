/**
 * One component: its properties read against the schema, defaults of
 * docs/language.md §4–5 applied (and remembered in `assumed` for hovers), and its
 * placement resolved to an ordered list of zones.
 */
import type { ComponentNode } from '../../grammar/ast';
import type { Diagnostic } from '../diagnostic';
import type { ComponentKind, ComponentModel, GroupModel, Mode, Replication, Standby, SystemModel } from './types';
import type { Declared } from './build';
import { readProperties } from './properties';
import { activePassiveByDefault, isEntryKind, storesData as kindStoresData } from './kinds';
import { appliesToKind, defaultFailover, defaultValue, propertiesFor, propertySpec } from './schema';
import { closest, didYouMean } from './suggest';

// Defaults are declared once, as typed values in the schema (core/model/schema.ts).
export const DEFAULT_AVAILABILITY = defaultValue<number>('component', 'availability');
export const DEFAULT_MTTR_SECONDS = defaultValue<number>('component', 'mttr');
const replicationDefault = propertySpec('component', 'replication')!.default as { replicated: Replication; single: Replication };

const keysByKind = new Map<ComponentKind, ReadonlySet<string>>();

/** The component keys that apply to `kind`, from the schema. */
function keysFor(kind: ComponentKind): ReadonlySet<string> {
  let keys = keysByKind.get(kind);
  if (!keys) {
    keys = new Set(propertiesFor('component').filter((spec) => appliesToKind(spec, kind)).map((spec) => spec.key));
    keysByKind.set(kind, keys);
  }
  return keys;
}

export function buildComponent(
  node: ComponentNode,
  system: SystemModel,
  declared: Map<string, Declared>,
  diagnostics: Diagnostic[],
  region?: GroupModel,
  zone?: GroupModel,
): ComponentModel {
  const kind = node.type.text as ComponentKind;
  const { values, ranges } = readProperties(node.properties, 'component', diagnostics, kind);
  // Only keys that mean something for this kind are shown as "(default)".
  const applicable = keysFor(kind);
  const assumed = new Set<string>();
  function get<T>(key: string, fallback: T): T {
    const value = values.get(key);
    if (value !== undefined) return value as T;
    if (applicable.has(key)) assumed.add(key);
    return fallback;
  }

  const replicas = get('replicas', defaultValue<number>('component', 'replicas'));
  let minUp = get('min-up', defaultValue<number>('component', 'min-up'));
  if (minUp > replicas) {
    diagnostics.push({
      code: 'invalid-value',
      severity: 'error',
      message: `'min-up' (${minUp}) cannot exceed 'replicas' (${replicas}); raise replicas or lower min-up`,
      range: ranges.get('min-up')!,
    });
    minUp = replicas;
  }
  const mode = get<Mode>('mode', activePassiveByDefault(kind) ? 'active-passive' : 'active-active');
  const standby = get<Standby>('standby', defaultValue<Standby>('component', 'standby'));
  const failover = get('failover', defaultFailover(standby));
  const mttr = get('mttr', DEFAULT_MTTR_SECONDS);
  const mtbf = values.get('mtbf') as number | undefined;
  let availability: number;
  if (mtbf !== undefined) {
    availability = mtbf / (mtbf + mttr);
    if (values.has('availability')) {
      diagnostics.push({
        code: 'invalid-value',
        severity: 'error',
        message: "give either 'availability' or 'mtbf' (with 'mttr'), not both; 'mtbf' is used",
        range: ranges.get('availability')!,
      });
    }
  } else availability = get('availability', DEFAULT_AVAILABILITY);
  const replication = get<Replication>('replication', kindStoresData(kind) && replicas > 1 ? replicationDefault.replicated : replicationDefault.single);

  // Placement: explicit zones, else the enclosing zone, else the region's zones (filled in below).
  let zones: string[] = [];
  const listed = values.get('zones') as string[] | undefined;
  if (listed) {
    const zoneRange = ranges.get('zones')!;
    const property = node.properties.find((p) => p.range === zoneRange)!;
    for (const value of property.values) {
      const target = declared.get(value.value as string);
      if (target?.kind === 'zone') {
        zones.push(value.value as string);
        continue;
      }
      const zoneNames = [...declared].filter(([, d]) => d.kind === 'zone').map(([n]) => n);
      const suggestion = closest(value.value as string, zoneNames);
      diagnostics.push({
        code: 'unknown-reference',
        severity: 'error',
        message: target
          ? `'${value.raw}' is a ${target.kind}, not a zone; 'zones:' lists zones${didYouMean(suggestion)}`
          : `no zone named '${value.raw}' in system '${system.name}'${suggestion ? didYouMean(suggestion) : `: declare it (zone ${value.raw} { }) or correct the name`}`,
        range: value.range,
        data: suggestion ? { suggestion } : undefined,
      });
    }
  } else if (zone) zones = [zone.name];

  const isEntry = isEntryKind(kind);
  const rps = values.get('rps') as number | undefined;
  let peak = values.get('peak') as number | undefined;
  if (peak !== undefined && rps !== undefined && peak < rps) {
    // Utilisation is computed at peak: a peak below the average would understate every figure.
    const property = node.properties.find((p) => p.range === ranges.get('peak'));
    diagnostics.push({
      code: 'invalid-value',
      severity: 'error',
      message: `'peak' (${property?.values[0]?.raw ?? peak}) is below 'rps' (the average); the peak rate is at least the average: raise peak or lower rps`,
      range: property?.values[0]?.range ?? ranges.get('peak')!,
    });
    peak = rps;
  }
  const component: ComponentModel = {
    name: node.name!.text,
    kind,
    isEntry,
    label: node.label?.value,
    range: node.range,
    nameRange: node.name!.range,
    headerRange: { start: node.type.range.start, end: (node.label ?? node.name!).range.end },
    replicas,
    minUp,
    mode,
    standby,
    failover,
    availability,
    mtbf,
    mttr,
    capacity: values.get('capacity') as number | undefined,
    latency: get('latency', defaultValue<number>('component', 'latency')),
    zones,
    region: !listed && !zone ? region?.name : undefined,
    group: (zone ?? region)?.name,
    hit: get('hit', defaultValue<number>('component', 'hit')),
    replication,
    stateful: get('stateful', defaultValue<boolean>('component', 'stateful')),
    rps,
    peak: isEntry ? (peak ?? rps) : undefined,
    technology: values.get('technology') as string | undefined,
    description: values.get('description') as string | undefined,
    owner: values.get('owner') as string | undefined,
    assumed,
    propertyRanges: ranges,
  };
  if (isEntry && !values.has('peak') && applicable.has('peak')) assumed.add('peak');
  if (component.region) {
    // Components are built after the walk, so the region's zone list is complete here.
    component.zones = [...(system.groupsByName.get(component.region)?.zones ?? [])];
  }
  return component;
}
