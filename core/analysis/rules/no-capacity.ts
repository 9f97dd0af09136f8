import { formatRate } from '../../format';
import type { Rule } from './rule';

export const noCapacity: Rule = {
  code: 'no-capacity',
  run({ system, capacity, report }) {
    for (const c of system.components) {
      const f = capacity.components.get(c.name);
      if (c.isEntry || c.capacity !== undefined || !f || f.peakLoad <= 0) continue;
      report({
        range: c.nameRange,
        message: `'${c.name}' receives ${formatRate(f.peakLoad)} at peak but declares no capacity; add 'capacity: N rps' (per instance) to check its utilisation`,
      });
    }
  },
};
