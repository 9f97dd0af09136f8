import { formatLatency } from '../../format';
import type { Rule } from './rule';

export const latencySloUnmet: Rule = {
  code: 'latency-slo-unmet',
  run({ system, latency, silenced, report }) {
    if (system.latencySlo === undefined) return;
    for (const [name, figure] of latency.entries) {
      if (figure.latency <= system.latencySlo) continue;
      const entry = system.componentsByName.get(name);
      if (!entry) continue;
      const range = entry.nameRange;
      if (silenced(range)) continue;
      report({
        range,
        message: `'${name}' takes ${formatLatency(figure.latency)} on its slowest path (${figure.path.join(' → ')}), above latency-slo ${formatLatency(system.latencySlo)}; cut latency on that path (a cache, fewer hops, an async call) or raise latency-slo`,
        related: [{ message: 'the latency objective', range: system.propertyRanges.get('latency-slo') ?? system.nameRange }],
      });
    }
  },
};
