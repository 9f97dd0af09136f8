/**
 * What-if: the consequence of a set of failed components, zones and regions
 * (the preview's failure toggles, docs/language.md §6–§7 applied to one
 * scenario). Nothing here has a definition of its own: the scenario's state
 * comes from the engine's placement and service graph (`what-if-state.ts`),
 * availability from the exact engine conditioned on the failures, load from
 * the capacity analysis of what is left, and the SPOFs from the blast-radius
 * search over what is left (`what-if-models.ts`).
 *
 * - Entries: served or not with everything else up, and P(served | scenario).
 * - Components: lost (down or not served), the instances left, the load and
 *   utilisation at peak under the failure, and P(up | scenario).
 * - SPOFs that remain: components still serving an entry whose failure alone,
 *   on top of the scenario, takes that entry down and which cannot lose one
 *   of the instances they have left; and the zones and regions whose failure
 *   alone would now do so.
 */
import type { SystemModel } from '../model/types';
import { computeAvailability, systemFigure } from './availability';
import { breaksByNode, cannotLoseOne } from './availability/spof';
import { buildServiceGraph } from './availability/service-graph';
import { computeCapacity } from './capacity';
import { exactAvailability, type AvailabilityFigure } from '../figure';
import type { WorkLimits } from './availability/work';
import type { SystemFigures } from './types';
import { utilisationLevel, type UtilisationLevel } from './verdict';
import { conditionedModel, survivingModel } from './what-if-models';
import { groupsThatBreak, scenarioState, type Scenario } from './what-if-state';
import { whatIfSummary } from './what-if-summary';

export type { Scenario } from './what-if-state';

export interface WhatIfEntry {
  name: string;
  /** Served with everything outside the scenario up. */
  served: boolean;
  /** P(served | the scenario), exact or an estimate with its interval. */
  availability: AvailabilityFigure;
}

export interface WhatIfComponent {
  name: string;
  /** Failed by the scenario, or left with fewer instances than it needs. */
  down: boolean;
  /** Down, or some requirement group without a served member. */
  lost: boolean;
  /** Instances still counted (its zones and regions up). */
  instances: number;
  /** P(up | the scenario). */
  availability: number;
  /** Load under the failure; 0 for a lost component. */
  load: number;
  peakLoad: number;
  /** Per-instance capacity × the instances left that are active; undefined without a declared capacity. */
  capacity?: number;
  utilisation?: number;
  /** Utilisation at peak against 100% and max-utilisation, as the rules read it; undefined without a utilisation. */
  utilisationLevel?: UtilisationLevel;
  /** A SPOF under the scenario (see the file comment). */
  spof: boolean;
  /** Entries still served that its failure alone would now take down. */
  breaks: string[];
}

export interface WhatIfResult {
  system: string;
  failedComponents: string[];
  failedGroups: string[];
  /** Names in the scenario the system does not declare (ignored). */
  unknown: string[];
  /** Components lost (down or not served), in source order. */
  lost: string[];
  unservedEntries: string[];
  entries: WhatIfEntry[];
  /** The rps-weighted system figure under the failure; undefined without entries. */
  availability?: AvailabilityFigure;
  components: WhatIfComponent[];
  /** Names of the SPOFs that remain, in source order. */
  spofs: string[];
  /** Zones and regions still up whose failure alone would now take a served entry down, with those entries. */
  zoneSpofs: { name: string; breaks: string[] }[];
  /** The one-line account of the consequence, e.g. "zone use1-a down: shoppers still served; api at 120% of capacity". */
  summary: string;
}

/** As in `analyseSystem`: units of work, and the editor's wall-clock deadline (availability/work.ts). */
export type WhatIfOptions = WorkLimits;

export function whatIf(system: SystemModel, normal: SystemFigures | undefined, scenario: Scenario, options: WhatIfOptions = {}): WhatIfResult {
  const state = scenarioState(system, scenario);
  const availability = computeAvailability(conditionedModel(system, state), options);
  const surviving = survivingModel(system, state);
  const capacity = computeCapacity(surviving, { isCancelled: options.isCancelled });

  const entryIndex = system.components.map((c, x) => (c.isEntry ? x : -1)).filter((x) => x >= 0);
  const entries: WhatIfEntry[] = entryIndex.map((x) => {
    const name = system.components[x].name;
    const served = state.unserved[x] === 0;
    const e = availability.entries.get(name);
    // Failures only ever take service away, so an entry not served with everything else up is
    // served in no state: exactly 0, where the engine's sum would leave a rounding residue. An
    // entry named in the scenario is gone, which the engine (it never fails an entry) cannot know.
    if (!served || !e) return { name, served, availability: exactAvailability(served ? 1 : 0, served ? 0 : 1) };
    return { name, served, availability: { value: e.availability, unavailability: e.unavailability, exactness: e.exactness } };
  });
  const engineFigures = entries.map((e) => ({ availability: e.availability.value, unavailability: e.availability.unavailability, exactness: e.availability.exactness }));
  const overall = entries.length === 0 ? undefined : systemFigure(system, engineFigures, entries.map((e) => e.name));

  // The blast radius over what is left: only entries still served count.
  const servedEntries = new Set(entries.filter((e) => e.served).map((e) => e.name));
  const graph = buildServiceGraph(surviving);
  const breaks = breaksByNode(graph, options.isCancelled ?? (() => false)) ?? [];
  const components: WhatIfComponent[] = system.components.map((c, x) => {
    const lost = state.unserved[x] === 1;
    const f = capacity.figures[x];
    const hit = lost || c.isEntry ? [] : (breaks[x] ?? []).map((i) => graph.names[graph.entries[i]]).filter((n) => servedEntries.has(n));
    const utilisation = lost ? undefined : f?.utilisation;
    return {
      name: c.name,
      down: state.down[x] === 1,
      lost,
      instances: state.counted[x],
      availability: availability.componentAvailability.get(c.name) ?? (c.isEntry ? 1 : 0),
      load: lost ? 0 : f?.load ?? 0,
      peakLoad: lost ? 0 : f?.peakLoad ?? 0,
      capacity: lost ? undefined : f?.capacity,
      utilisation,
      utilisationLevel: utilisation === undefined ? undefined : utilisationLevel(utilisation, system.maxUtilisation),
      spof: hit.length > 0 && cannotLoseOne(surviving.components[x]),
      breaks: hit,
    };
  });

  const result: WhatIfResult = {
    system: system.name,
    failedComponents: state.failedComponents,
    failedGroups: state.failedGroups,
    unknown: state.unknown,
    lost: components.filter((c) => c.lost).map((c) => c.name),
    unservedEntries: entries.filter((e) => !e.served).map((e) => e.name),
    entries,
    availability: overall?.availability === undefined ? undefined : { value: overall.availability, unavailability: overall.unavailability ?? 1 - overall.availability, exactness: overall.exactness },
    components,
    spofs: components.filter((c) => c.spof).map((c) => c.name),
    zoneSpofs: [...groupsThatBreak(system, state)].map(([name, breaks]) => ({ name, breaks })),
    summary: '',
  };
  result.summary = whatIfSummary(system, result, normal);
  return result;
}
