import { formatPercent } from '../../format';
import type { Rule } from './rule';
import { utilisationLevel } from '../verdict';
import { sizeForPeak } from '../capacity';
import { utilisationText } from './capacity-text';

export const hot: Rule<'hot'> = {
  code: 'hot',
  run({ system, capacity, silenced, report }) {
    system.components.forEach((c, i) => {
      const f = capacity.figures[i];
      if (!f || f.utilisation === undefined || utilisationLevel(f.utilisation, system.maxUtilisation) !== 'hot') return;
      const range = c.nameRange;
      if (silenced(range)) return;
      report({
        range,
        message: `'${c.name}' runs hot: ${utilisationText(c, f)}, above max-utilisation ${formatPercent(system.maxUtilisation)}; add replicas or capacity`,
        data: { component: c.name, ...sizeForPeak(c, f.peakLoad, system.maxUtilisation) },
      });
    });
  },
};
