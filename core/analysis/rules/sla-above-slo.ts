import { formatAvailability } from '../../format';
import { exact } from '../../figure';
import { below } from '../../compare';
import type { Rule } from './rule';

export const slaAboveSlo: Rule<'sla-above-slo'> = {
  code: 'sla-above-slo',
  run({ system, report }) {
    if (system.sla === undefined || system.slo === undefined || below(system.sla, system.slo)) return;
    report({
      range: system.propertyRanges.get('sla') ?? system.nameRange,
      message: `the SLA ${formatAvailability(exact(system.sla))} is not below the SLO ${formatAvailability(exact(system.slo))}: the contract leaves no margin for error; promise less than you aim for`,
      related: [{ message: 'the SLO', range: system.propertyRanges.get('slo') ?? system.nameRange }],
    });
  },
};
