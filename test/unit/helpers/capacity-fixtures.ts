/**
 * The list-style spec of the capacity, latency and graph tests (components in
 * order, one edge statement per EdgeSpec), built by the shared model builder
 * (`model-builder.ts`), so there is one place that turns specs into models.
 */
import type { ComponentKind, ComponentModel, SystemModel } from '../../../core/model/types';
import { buildModel } from './model-builder';

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
  return buildModel({
    components: Object.fromEntries(components.map(({ name, ...spec }) => [name, spec])),
    edges: edgeSpecs.map(({ from, to, async, ...options }) => [`${from} ${async ? '~>' : '->'} ${(Array.isArray(to) ? to : [to]).join(' | ')}`, options]),
  });
}
