/**
 * Whether a figure meets its objective, decided once here for every surface
 * (the `slo-unmet` and `latency-slo-unmet` rules, hover, code lens, status
 * bar, report, diagram): they only format the verdict.
 *
 * An estimate is compared by its 95% interval: `met` when the whole interval
 * reaches the objective, `unmet` when the whole interval falls short, and
 * `undecided` when the interval straddles it, since then the sampling cannot
 * tell. Ties count as met (core/compare.ts).
 */
import { above, below } from '../compare';
import type { AvailabilityFigure } from '../figure';

export type Verdict = 'met' | 'unmet' | 'undecided';

/** An availability against an objective such as `slo: 99.95%`. */
export function availabilityVerdict(figure: AvailabilityFigure, objective: number): Verdict {
  const x = figure.exactness;
  if (x.method === 'exact') return below(figure.value, objective) ? 'unmet' : 'met';
  if (!below(x.low, objective)) return 'met';
  if (below(x.high, objective)) return 'unmet';
  return 'undecided';
}

/** A latency (always exact) against `latency-slo`. */
export function latencyVerdict(latency: number, objective: number): Verdict {
  return above(latency, objective) ? 'unmet' : 'met';
}

/** The verdict of several checks together: any unmet is unmet, then any undecided. */
export function combineVerdicts(verdicts: Verdict[]): Verdict | undefined {
  if (verdicts.length === 0) return undefined;
  if (verdicts.includes('unmet')) return 'unmet';
  if (verdicts.includes('undecided')) return 'undecided';
  return 'met';
}


export type UtilisationLevel = 'ok' | 'hot' | 'overload';

/**
 * Utilisation at peak against 100% (`overload`) and `max-utilisation`
 * (`hot`); exactly at a limit is not above it. The rules and the diagram's
 * badges both read this.
 */
export function utilisationLevel(utilisation: number, maxUtilisation: number): UtilisationLevel {
  if (above(utilisation, 1)) return 'overload';
  if (above(utilisation, maxUtilisation)) return 'hot';
  return 'ok';
}

/** A utilisation after a failure (headroom, cache failure) that passes 100%. */
export function pastCapacity(utilisation: number | undefined): utilisation is number {
  return utilisation !== undefined && above(utilisation, 1);
}
