import { formatPercent } from '../../format';
import type { Rule } from './rule';
import { pastCapacity } from '../verdict';
import { regionLookup, sizeForPeak, sizeToCarry } from '../capacity';
import { describeLoss } from '../headroom-loss';

export const noHeadroom: Rule<'no-headroom'> = {
  code: 'no-headroom',
  run({ system, capacity, silenced, report }) {
    system.components.forEach((c, i) => {
      const f = capacity.figures[i];
      if (!f || f.headroomUtilisation === undefined || !pastCapacity(f.headroomUtilisation)) return;
      if (pastCapacity(f.utilisation)) return; // Already an overload.
      const range = c.nameRange;
      if (silenced(range)) return;
      report({
        range,
        message: `'${c.name}' has no headroom: losing ${describeLoss(f.headroomLoss ?? { kind: 'instance' })} puts it at ${formatPercent(f.headroomUtilisation)} of capacity at peak; add a replica`,
        data: {
          component: c.name,
          loss: f.headroomLoss,
          // After an alternative's failover the size must carry the moved load too.
          ...(f.headroomLoss?.kind === 'alternative'
            ? sizeToCarry(c, f.headroomPeakLoad ?? f.peakLoad)
            : sizeForPeak(c, f.peakLoad, system.maxUtilisation, regionLookup(system))),
        },
      });
    });
  },
};
