import { formatAvailability, formatDowntimes } from '../../format';
import type { Rule } from './rule';

export const sloUnmet: Rule = {
  code: 'slo-unmet',
  run({ system, availability, report }) {
    const a = availability.system.availability;
    if (system.slo === undefined || a === undefined || a >= system.slo) return;
    const weakest = [...availability.entries].sort((x, y) => x[1].availability - y[1].availability)[0];
    report({
      range: system.propertyRanges.get('slo') ?? system.nameRange,
      message: `computed availability ${formatAvailability(a)} (${formatDowntimes(a).year} down) is below the SLO ${formatAvailability(system.slo)}${weakest ? `; the weakest entry is '${weakest[0]}' at ${formatAvailability(weakest[1].availability)}` : ''}; add replicas or alternatives to its single points of failure, or lower the slo`,
    });
  },
};
