import { formatRate } from '../../format';
import type { Rule } from './rule';

export const noCapacity: Rule<'no-capacity'> = {
  code: 'no-capacity',
  run({ system, capacity, silenced, report }) {
    system.components.forEach((c, i) => {
      const f = capacity.figures[i];
      if (c.isEntry || c.capacity !== undefined || !f || f.peakLoad <= 0) return;
      const range = c.nameRange;
      if (silenced(range)) return;
      report({
        range,
        message: `'${c.name}' receives ${formatRate(f.peakLoad)} at peak but declares no capacity; add 'capacity: N rps' (per instance) to check its utilisation`,
      });
    });
  },
};
