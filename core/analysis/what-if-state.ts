/**
 * What a what-if scenario leaves standing, with every other component and
 * group up: the same definitions the availability engine uses (docs/language.md
 * §6), applied to one state instead of summed over all of them.
 *
 * - A failed zone or region takes away the instances that run in it
 *   (`countedInstances`, the engine's own placement); a component left with
 *   fewer counted instances than it needs (`requiredInstances`) is down.
 * - A component named in the scenario is down.
 * - Served is the engine's fixed point (`failedNodes` over the service
 *   graph): up, and each requirement group with a served member.
 *
 * Decisions where docs/language.md is silent:
 * - An entry named in the scenario is down and so not served: its users are
 *   gone, and it sends no load.
 * - Names the system does not declare are returned in `unknown` and ignored,
 *   so a panel that is a few edits behind the text never gets an exception.
 */
import type { SystemModel } from '../model/types';
import { countedInstances, indexGroups, placeComponent, type Groups, type Placement } from './availability/component-up';
import { requiredInstances } from './availability/instance';
import { buildServiceGraph, failedNodes, flattenGroups, type FlatGroups, type ServiceGraph } from './availability/service-graph';

/** Components and zones/regions assumed down, by name. */
export interface Scenario {
  components: readonly string[];
  groups: readonly string[];
}

export interface ScenarioState {
  /** The scenario's names that the system declares, de-duplicated, in the order given. */
  failedComponents: string[];
  failedGroups: string[];
  /** Names the system declares neither as a component nor as a zone or region. */
  unknown: string[];
  groups: Groups;
  graph: ServiceGraph;
  /** Per component (system order): the instances still counted once the failed groups are gone. */
  counted: Int32Array;
  /** Per component: 1 when down (failed, or too few instances left). */
  down: Uint8Array;
  /** Per component: 1 when not served (down, or some requirement group without a served member). */
  unserved: Uint8Array;
  /** What the next functions need to try one more failure. */
  placements: Placement[];
  flat: FlatGroups;
  /** Per group: 1 while up in the scenario. */
  groupUp: Uint8Array;
  /** Per component: 1 when named in the scenario. */
  named: Uint8Array;
}

export function scenarioState(system: SystemModel, scenario: Scenario): ScenarioState {
  const groups = indexGroups(system);
  const graph = buildServiceGraph(system);
  const failedComponents: string[] = [];
  const failedGroups: string[] = [];
  const unknown: string[] = [];
  const groupUp = new Uint8Array(groups.names.length).fill(1);
  for (const name of unique(scenario.groups)) {
    const g = groups.index.get(name);
    if (g === undefined) unknown.push(name);
    else {
      groupUp[g] = 0;
      failedGroups.push(name);
    }
  }
  const n = system.components.length;
  const down = new Uint8Array(n);
  for (const name of unique(scenario.components)) {
    const x = graph.index.get(name);
    if (x === undefined) unknown.push(name);
    else {
      down[x] = 1;
      failedComponents.push(name);
    }
  }
  const named = down.slice();
  const placements = system.components.map((c) => placeComponent(c, groups));
  const flat = flattenGroups(graph);
  const counted = new Int32Array(n);
  const unserved = served(system, graph, flat, placements, groups, groupUp, named, counted, down);
  return { failedComponents, failedGroups, unknown, groups, graph, counted, down, unserved, placements, flat, groupUp, named };
}

/**
 * Counted instances, down and not served for one state of the groups, with
 * the named components down: the engine's placement and fixed point. Fills
 * `counted` and `down`; returns the components not served.
 */
function served(
  system: SystemModel,
  graph: ServiceGraph,
  flat: FlatGroups,
  placements: Placement[],
  groups: Groups,
  groupUp: Uint8Array,
  named: Uint8Array,
  counted: Int32Array,
  down: Uint8Array,
): Uint8Array {
  system.components.forEach((c, x) => {
    counted[x] = countedInstances(placements[x], groups, groupUp);
    down[x] = named[x] || (!c.isEntry && counted[x] < requiredInstances(c)) ? 1 : 0;
  });
  const unserved = failedNodes(graph, flat, down);
  // failedNodes never fails an entry by itself; an entry named in the scenario is gone.
  system.components.forEach((c, x) => {
    if (c.isEntry && down[x]) unserved[x] = 1;
  });
  return unserved;
}

/**
 * The zones and regions still up whose failure, on top of the scenario,
 * would take an entry that is still served down (§9 `zone-spof` under the
 * failure), with those entries. One propagation per group: groups are few.
 */
export function groupsThatBreak(system: SystemModel, state: ScenarioState): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const n = system.components.length;
  const counted = new Int32Array(n);
  const down = new Uint8Array(n);
  const groupUp = state.groupUp.slice();
  const { groups, graph } = state;
  for (let g = 0; g < groups.names.length; g++) {
    const parent = groups.parent[g];
    if (!groupUp[g] || (parent >= 0 && !groupUp[parent])) continue;
    groupUp[g] = 0;
    const unserved = served(system, graph, state.flat, state.placements, groups, groupUp, state.named, counted, down);
    groupUp[g] = 1;
    const hit = graph.entries.filter((e) => unserved[e] && !state.unserved[e]).map((e) => graph.names[e]);
    if (hit.length > 0) out.set(groups.names[g], hit);
  }
  return out;
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names.filter((n) => typeof n === 'string'))];
}
