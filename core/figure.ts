/**
 * A computed figure and how it was obtained. Availability is exact when the
 * engine could evaluate it within its budget and a Monte Carlo estimate with
 * a 95% interval past it (docs/language.md §6: "never a silent
 * approximation"). The figure carries that with its value, and the
 * formatter (core/format.ts) takes nothing else, so no surface can show an
 * estimate as a plain number by forgetting to look.
 */

/** How a figure was obtained. */
export type Exactness =
  | { method: 'exact' }
  /** Monte Carlo with a 95% confidence interval [low, high], used only past the exact budget. */
  | { method: 'monte-carlo'; samples: number; low: number; high: number; reason: string };

export type Estimate = Extract<Exactness, { method: 'monte-carlo' }>;

export interface Figure {
  readonly value: number;
  readonly exactness: Exactness;
}

/**
 * An availability also holds its unavailability as the engine computed it,
 * so downtime and the number of nines keep their precision when 1 − value
 * would round away (u = 1e-18 is not availability 1).
 */
export interface AvailabilityFigure extends Figure {
  readonly unavailability: number;
}

export const EXACT: Exactness = Object.freeze({ method: 'exact' });

/** An exact figure: a declared value (an SLO, a zone's availability) or a closed form. */
export function exact(value: number): Figure {
  return { value, exactness: EXACT };
}

/** An exact availability; pass the unavailability when it was computed directly. */
export function exactAvailability(value: number, unavailability = 1 - value): AvailabilityFigure {
  return { value, unavailability, exactness: EXACT };
}

export function isEstimate(f: Figure): f is Figure & { exactness: Estimate } {
  return f.exactness.method !== 'exact';
}

/** A component's own availability: a closed form (docs/language.md §6), so exact, with its unavailability as computed. */
export function ownAvailability(component: { availability: number; unavailability: number }): AvailabilityFigure {
  return exactAvailability(component.availability, component.unavailability);
}
