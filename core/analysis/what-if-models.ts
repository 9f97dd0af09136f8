/**
 * The two models a what-if runs the existing analyses on, so that no figure
 * under a failure has a definition of its own:
 *
 * - `conditionedModel` is the system with every failed component and group
 *   given availability 0. The exact engine then sums over only the states in
 *   which they are down: its figures are P(served | the scenario).
 * - `survivingModel` is what is left carrying load with everything else up:
 *   components keep only the instances still counted (so capacity shrinks
 *   with a failed zone), entries that are no longer served send nothing (their
 *   requests fail where they enter), and an edge to a component that is not
 *   served is dropped, so an alternatives group splits its load over the
 *   members that are left. A cache that an optional call reaches and that is
 *   no longer served passes all of its load on (`hit` 0), as the capacity
 *   analysis's cache failure does (docs/language.md §7). The capacity analysis
 *   and the SPOF search read this model.
 */
import type { ComponentModel, DependencyGroup, EdgeModel, GroupModel, SystemModel } from '../model/types';
import type { ScenarioState } from './what-if-state';

export function conditionedModel(system: SystemModel, state: ScenarioState): SystemModel {
  const failedComponents = new Set(state.failedComponents);
  const failedGroups = new Set(state.failedGroups);
  const components = system.components.map((c) => (failedComponents.has(c.name) && !c.isEntry ? { ...c, availability: 0 } : c));
  const groups = system.groups.map((g) => (failedGroups.has(g.name) ? { ...g, availability: 0 } : g));
  return withParts(system, components, groups, system.edges, system.dependencies);
}

export function survivingModel(system: SystemModel, state: ScenarioState): SystemModel {
  const index = state.graph.index;
  const unserved = (name: string) => {
    const x = index.get(name);
    return x === undefined || state.unserved[x] === 1;
  };
  // Caches that pass everything on: no longer served, but reached by an optional call.
  const passThrough = new Set<string>();
  for (const e of system.edges) {
    const to = system.componentsByName.get(e.to);
    if (e.optional && to?.kind === 'cache' && unserved(e.to) && !unserved(e.from)) passThrough.add(e.to);
  }
  const keep = (e: EdgeModel) => !unserved(e.to) || (e.optional && passThrough.has(e.to));
  const components = system.components.map((c, x): ComponentModel => {
    if (c.isEntry) return state.unserved[x] ? { ...c, rps: undefined, peak: undefined } : c;
    const replicas = state.counted[x];
    const hit = passThrough.has(c.name) ? 0 : c.hit;
    return replicas === c.replicas && hit === c.hit ? c : { ...c, replicas, hit };
  });
  const dependencies = new Map<string, DependencyGroup[]>();
  for (const [from, list] of system.dependencies) {
    const kept: DependencyGroup[] = [];
    for (const d of list) {
      const edges = d.edges.filter(keep);
      if (edges.length === d.edges.length) kept.push(d);
      else if (edges.length > 0) kept.push({ ...d, edges, targets: d.targets.filter((t) => edges.some((e) => e.to === t)) });
    }
    dependencies.set(from, kept);
  }
  return withParts(system, components, system.groups, system.edges.filter(keep), dependencies);
}

function withParts(
  system: SystemModel,
  components: ComponentModel[],
  groups: GroupModel[],
  edges: EdgeModel[],
  dependencies: Map<string, DependencyGroup[]>,
): SystemModel {
  return {
    ...system,
    components,
    componentsByName: new Map(components.map((c) => [c.name, c] as [string, ComponentModel])),
    groups,
    groupsByName: new Map(groups.map((g) => [g.name, g] as [string, GroupModel])),
    edges,
    dependencies,
  };
}
