import { formatLatency } from '../../format';
import type { Rule } from './rule';

/** Reports each entry whose latency verdict (core/analysis/verdict.ts) is unmet. */
export const latencySloUnmet: Rule<'latency-slo-unmet'> = {
  code: 'latency-slo-unmet',
  run({ system, figures, silenced, report }) {
    if (system.latencySlo === undefined) return;
    for (const figure of figures.entries) {
      if (figure.latencyVerdict !== 'unmet') continue;
      const entry = system.componentsByName.get(figure.name);
      if (!entry) continue;
      const range = entry.nameRange;
      if (silenced(range)) continue;
      report({
        range,
        message: `'${figure.name}' takes ${formatLatency(figure.latency)} on its slowest path (${figure.latencyPath.join(' → ')}), above latency-slo ${formatLatency(system.latencySlo)}; cut latency on that path (a cache, fewer hops, an async call) or raise latency-slo`,
        related: [{ message: 'the latency objective', range: system.propertyRanges.get('latency-slo') ?? system.nameRange }],
      });
    }
  },
};
