/**
 * Figures and findings computed from a SystemModel. Plain data: the server,
 * the CLI and the diagram only format these; they never compute.
 */
import type { Diagnostic } from '../diagnostic';
import type { HeadroomLoss } from './headroom-loss';
import type { AvailabilityFigure } from '../figure';
import type { UtilisationLevel, Verdict } from './verdict';

export type { Exactness, Figure, AvailabilityFigure } from '../figure';
export type { UtilisationLevel, Verdict } from './verdict';

export interface EntryFigures {
  name: string;
  /** P(entry served), exact or an estimate with its interval. */
  availability: AvailabilityFigure;
  /** Seconds, docs/language.md §8. */
  latency: number;
  /** Against the system's `latency-slo`; undefined without one. */
  latencyVerdict?: Verdict;
  /** The path (component names) that gives the latency. */
  latencyPath: string[];
  rps?: number;
  peak?: number;
}

export interface ComponentFigures {
  name: string;
  /** One instance. */
  instanceAvailability: number;
  /** The component up (replicas, mode, zones and failover accounted for); a closed form, so exact. */
  availability: number;
  /** The component down, as computed (not 1 − availability, which loses tiny figures). */
  unavailability: number;
  /** Average load in requests per second; 0 when no entry reaches it. */
  load: number;
  peakLoad: number;
  /** capacity × active instances; undefined when capacity is not declared. */
  capacity?: number;
  /** Peak load / capacity; undefined when capacity is not declared. */
  utilisation?: number;
  /** Utilisation against 100% and max-utilisation (core/analysis/verdict.ts); undefined without capacity. */
  utilisationLevel?: UtilisationLevel;
  /** Utilisation at peak with one instance (or the largest zone) lost; undefined when not applicable. */
  headroomUtilisation?: number;
  /** What was lost for headroomUtilisation. */
  headroomLoss?: HeadroomLoss;
  /** Utilisation at peak when an optional cache in front of it fails. */
  cacheFailureUtilisation?: number;
  /** Worst latency from this component onward (seconds). */
  latency: number;
  spof: boolean;
  /** Entries this component's failure alone takes down (the blast radius). */
  breaks: string[];
  /** Entries that reach this component. */
  reachedBy: string[];
}

export interface GroupFigures {
  name: string;
  type: 'region' | 'zone';
  availability?: number;
  /** zone-spof: entries this group's failure alone takes down. */
  breaks: string[];
}

export interface SystemFigures {
  name: string;
  /** rps-weighted mean of entries' availabilities; undefined when there is no entry. */
  availability?: AvailabilityFigure;
  /** Availability against `slo`; undefined without an slo or a figure. */
  sloVerdict?: Verdict;
  /** Every entry's latency against `latency-slo`: unmet when any is; undefined without one. */
  latencySloVerdict?: Verdict;
  /** Seconds of downtime per year / 30-day month / week, from the unavailability (undefined with availability). */
  downtimePerYear?: number;
  downtimePerMonth?: number;
  downtimePerWeek?: number;
  slo?: number;
  sla?: number;
  latencySlo?: number;
  entries: EntryFigures[];
  components: ComponentFigures[];
  groups: GroupFigures[];
  /** Diagnostics from rules (§9 lints), after `lint` overrides and `sysd-ignore`. */
  diagnostics: Diagnostic[];
}
