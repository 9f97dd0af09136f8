import type { Rule } from './rule';
import { utilisationLevel } from '../verdict';
import { sizeForPeak } from '../capacity';
import { utilisationText } from './capacity-text';

export const overload: Rule<'overload'> = {
  code: 'overload',
  run({ system, capacity, silenced, report }) {
    system.components.forEach((c, i) => {
      const f = capacity.figures[i];
      if (!f || f.utilisation === undefined || utilisationLevel(f.utilisation, system.maxUtilisation) !== 'overload') return;
      const range = c.nameRange;
      if (silenced(range)) return;
      report({
        range,
        message: `'${c.name}' is overloaded: ${utilisationText(c, f)}; add replicas or capacity`,
        data: { component: c.name, utilisation: f.utilisation, ...sizeForPeak(c, f.peakLoad, system.maxUtilisation) },
      });
    });
  },
};
