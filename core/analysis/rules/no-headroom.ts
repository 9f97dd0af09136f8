import { formatPercent } from '../../format';
import type { Rule } from './rule';

export const noHeadroom: Rule = {
  code: 'no-headroom',
  run({ system, capacity, report }) {
    for (const c of system.components) {
      const f = capacity.components.get(c.name);
      if (!f || f.headroomUtilisation === undefined || f.headroomUtilisation <= 1) continue;
      if (f.utilisation !== undefined && f.utilisation > 1) continue; // Already an overload.
      const loss = f.headroomLoss === 'instance' || f.headroomLoss === undefined ? 'one instance' : `zone '${f.headroomLoss}'`;
      report({
        range: c.nameRange,
        message: `'${c.name}' has no headroom: losing ${loss} puts it at ${formatPercent(f.headroomUtilisation)} of capacity at peak; add a replica`,
        data: { component: c.name, loss: f.headroomLoss },
      });
    }
  },
};
