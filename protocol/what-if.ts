/**
 * `sysd/whatIf`: the consequence of failing components, zones and regions of
 * one system, computed by core (core/analysis/what-if.ts) and formatted by
 * the server, so the preview only shows it: it greys `lost` and the failed
 * groups, shows each figure's text and the summary line. Every text is
 * already formatted; an estimate reads "≈ …" with its interval.
 */
import { request, type AtVersion } from './message';

export interface WhatIfParams {
  uri: string;
  /** The document version the panel shows; the result says which version it was computed from. */
  version?: number;
  /** System name; the first system of the file when absent. */
  system?: string;
  /** What to fail: component names, and zone or region names. */
  failed: { components: string[]; groups: string[] };
}

export interface WhatIfEntry {
  name: string;
  /** Still served with everything else up. */
  served: boolean;
  /** P(served | the failure), formatted: "99.95%", or "≈ 99.95% (95% CI …)". */
  availability: string;
}

export interface WhatIfComponent {
  name: string;
  /** Failed, or left with fewer instances than it needs. */
  down: boolean;
  /** Down, or depends on something that is: greyed in the panel. */
  lost: boolean;
  /** Instances still running, formatted ("2 of 4 instances"). */
  instances: string;
  /** P(up | the failure), formatted. */
  availability: string;
  /** Peak load under the failure, formatted ("6k rps"). */
  peakLoad: string;
  /** Utilisation at peak under the failure ("120%"); absent without a declared capacity or when lost. */
  utilisation?: string;
  /** Utilisation at peak above 100%. */
  overloaded: boolean;
  /** Above the system's max-utilisation, not above 100%. */
  hot: boolean;
  /** A single point of failure under this failure. */
  spof: boolean;
}

export interface WhatIfResult extends AtVersion {
  system: string;
  /** One line, e.g. "zone use1-a down: shoppers still served; api at 120% of capacity". */
  summary: string;
  /** The names of the request that the system declares. */
  failedComponents: string[];
  failedGroups: string[];
  /** Names of the request the system does not declare (ignored). */
  unknown: string[];
  /** Components down or no longer served, in source order. */
  lost: string[];
  unservedEntries: string[];
  /** The system's availability under the failure, formatted; absent without entries. */
  availability?: string;
  entries: WhatIfEntry[];
  components: WhatIfComponent[];
  /** Single points of failure that remain, in source order. */
  spofs: string[];
  /** Zones and regions still up whose failure alone would now take a served entry down. */
  zoneSpofs: string[];
  /** Why there is no figure (no such document or system), in words for the user; the lists are then empty. */
  error?: string;
}

export const WhatIfRequest = request<WhatIfParams, WhatIfResult>('sysd/whatIf');
