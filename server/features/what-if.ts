/**
 * `sysd/whatIf`: the preview's failure toggles. Core computes the
 * consequence (core/analysis/what-if.ts) on the model of the last completed
 * analysis, so the answer never waits for the next one; this file only picks
 * the system, checks the request's shape and formats the figures with
 * core/format.ts. The result names the version it was computed from.
 */
import { whatIf } from '../../core/analysis/what-if';
import { formatAvailability, formatPercent, formatRate } from '../../core/format';
import { exactAvailability } from '../../core/figure';
import { PREVIEW_LIMITS } from '../../protocol/preview';
import type { WhatIfParams, WhatIfResult } from '../../protocol/what-if';
import { EDITOR_ANALYSIS_LIMIT_MS } from '../analyse';
import type { Snapshot } from '../documents';
import { wallClockLimit } from '../wall-clock';

/**
 * The names of a list sent by a client: strings no longer than a name can be,
 * at most as many as the panel may send (the limits the host also enforces on
 * the webview); anything else is dropped, so no request can make the answer
 * or the work grow without bound.
 */
function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, PREVIEW_LIMITS.failed).filter((v): v is string => typeof v === 'string' && v.length <= PREVIEW_LIMITS.name);
}

function empty(uri: string, version: number, error: string): WhatIfResult {
  return { uri, version, system: '', summary: error, failedComponents: [], failedGroups: [], unknown: [], lost: [], unservedEntries: [], entries: [], components: [], spofs: [], zoneSpofs: [], error };
}

/** The answer when the feature itself failed (the server logs why). */
export const WHAT_IF_FAILED: WhatIfResult = empty('', 0, 'What-if failed; see the sysd output channel.');

export function whatIfRequest(snapshot: Snapshot | undefined, params: WhatIfParams, isCancelled?: () => boolean): WhatIfResult {
  const uri = typeof params?.uri === 'string' ? params.uri : '';
  if (!snapshot) return empty(uri, params?.version ?? 0, 'The document is not open in the sysd language server.');
  const systems = snapshot.analysis.model.systems;
  const wanted = typeof params.system === 'string' ? params.system : undefined;
  const index = wanted === undefined ? 0 : systems.findIndex((s) => s.name === wanted);
  const system = systems[index];
  if (!system) return empty(uri, snapshot.version, wanted ? `There is no system named '${wanted}' in this file.` : 'This file declares no system.');
  const normal = snapshot.analysis.systems.find((f) => f.name === system.name);
  const failed = { components: names(params.failed?.components), groups: names(params.failed?.groups) };
  // The same limits as the editor's analysis: counted work, and a wall-clock deadline the editor never waits past.
  const r = whatIf(system, normal, failed, { isCancelled, deadline: Date.now() + wallClockLimit(EDITOR_ANALYSIS_LIMIT_MS) });
  return {
    uri,
    version: snapshot.version,
    system: r.system,
    summary: r.summary,
    failedComponents: r.failedComponents,
    failedGroups: r.failedGroups,
    unknown: r.unknown,
    lost: r.lost,
    unservedEntries: r.unservedEntries,
    availability: r.availability === undefined ? undefined : formatAvailability(r.availability),
    entries: r.entries.map((e) => ({ name: e.name, served: e.served, availability: formatAvailability(e.availability) })),
    components: r.components.map((c, i) => {
      const model = system.components[i];
      return {
        name: c.name,
        down: c.down,
        lost: c.lost,
        instances: `${c.instances} of ${model?.replicas ?? c.instances} ${model?.replicas === 1 ? 'instance' : 'instances'}`,
        availability: formatAvailability(exactAvailability(c.availability)),
        peakLoad: formatRate(c.peakLoad),
        utilisation: c.utilisation === undefined ? undefined : formatPercent(c.utilisation),
        overloaded: c.utilisationLevel === 'overload',
        hot: c.utilisationLevel === 'hot',
        spof: c.spof,
      };
    }),
    spofs: r.spofs,
    zoneSpofs: r.zoneSpofs.map((g) => g.name),
  };
}
