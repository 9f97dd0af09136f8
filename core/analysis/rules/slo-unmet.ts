import { formatAvailability, formatDowntimes } from '../../format';
import { exact } from '../../figure';
import type { Rule } from './rule';

/** Reports the verdict core computed (core/analysis/verdict.ts); an undecided estimate is not an error. */
export const sloUnmet: Rule<'slo-unmet'> = {
  code: 'slo-unmet',
  run({ system, figures, report }) {
    const a = figures.availability;
    if (system.slo === undefined || a === undefined || figures.sloVerdict !== 'unmet') return;
    const weakest = [...figures.entries].sort((x, y) => x.availability.value - y.availability.value)[0];
    report({
      range: system.propertyRanges.get('slo') ?? system.nameRange,
      message: `computed availability ${formatAvailability(a)} (${formatDowntimes(a).year} down) is below the SLO ${formatAvailability(exact(system.slo))}${weakest ? `; the weakest entry is '${weakest.name}' at ${formatAvailability(weakest.availability)}` : ''}; add replicas or alternatives to its single points of failure, or lower the slo`,
    });
  },
};
