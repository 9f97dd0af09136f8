/**
 * The fallback when the exact engine runs out of budget: plain Monte Carlo
 * over zone, region and component states with a seeded generator, so the
 * same model always gives the same estimate. The sample count depends only
 * on the model's size and the units of work it is given, never on the
 * clock, for the same reason; only the editor's wall-clock deadline can stop
 * it early, and then it says so (`stoppedEarly`), because the estimate then
 * depends on the machine. Each entry gets a 95% Wilson score interval over the samples
 * actually drawn, which stays honest for few samples and meaningful when no
 * failure was sampled at all.
 */
import { type Budget, Interrupted } from './budget';
import { countedInstances, type Groups, type Placement } from './component-up';
import { failedNodes, flattenGroups, type ServiceGraph } from './service-graph';
import { seededRandom } from '../../prng';

export interface MonteCarloEntry {
  availability: number;
  low: number;
  high: number;
}

export interface MonteCarloOutcome {
  samples: number;
  /** The samples the model's size called for; more than `samples` when stopped early. */
  planned: number;
  /** True when the editor's deadline, not the plan, ended the sampling. */
  stoppedEarly: boolean;
  /** Node visits used, charged to the analysis's Monte Carlo units. */
  units: number;
  entries: MonteCarloEntry[];
}

const MIN_SAMPLES = 1_000;
const MAX_SAMPLES = 200_000;
/** Drawn even past the deadline (a few times the model's size in work), so there is always an estimate. */
const FLOOR_SAMPLES = 32;
const Z95 = 1.959963984540054;


export function wilson(successes: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export function monteCarlo(
  g: ServiceGraph,
  placements: Placement[],
  groups: Groups,
  /** Cancellation and the editor's deadline; it has no units of its own. */
  budget: Budget,
  /** Node visits the sampling may take: with the model's size, this alone fixes the sample count. */
  units: number,
): MonteCarloOutcome | undefined {
  const n = g.names.length;
  const flat = flattenGroups(g);
  const size = n + flat.owner.length + groups.names.length + 1;
  const planned = Math.max(MIN_SAMPLES, Math.min(MAX_SAMPLES, Math.floor(units / size)));
  const random = seededRandom(0x53595344 ^ n);
  const groupUp = new Uint8Array(groups.names.length);
  const down = new Uint8Array(n);
  const served = new Float64Array(g.entries.length);
  let samples = 0;
  let stoppedEarly = false;
  for (; samples < planned; samples++) {
    try {
      budget.step(size);
    } catch (err) {
      if (!(err instanceof Interrupted)) throw err;
      if (err.why === 'cancelled') return undefined;
      if (samples >= FLOOR_SAMPLES) {
        stoppedEarly = true;
        break;
      }
    }
    for (let i = 0; i < groupUp.length; i++) groupUp[i] = groups.failing[i] ? Number(random() < groups.up[i]) : 1;
    for (let x = 0; x < n; x++) {
      if (g.isEntry[x]) {
        down[x] = 0;
        continue;
      }
      const pl = placements[x];
      down[x] = Number(random() >= pl.table.at(countedInstances(pl, groups, groupUp)).up);
    }
    const failed = failedNodes(g, flat, down);
    g.entries.forEach((e, i) => {
      if (!failed[e]) served[i]++;
    });
  }
  return {
    samples,
    planned,
    stoppedEarly,
    units: samples * size,
    entries: [...served].map((ok) => ({ availability: ok / samples, ...wilson(ok, samples) })),
  };
}
