import { formatPercent } from '../../format';
import type { Rule } from './rule';
import { utilisationText } from './capacity-text';

export const hot: Rule = {
  code: 'hot',
  run({ system, capacity, report }) {
    for (const c of system.components) {
      const f = capacity.components.get(c.name);
      if (!f || f.utilisation === undefined || f.utilisation <= system.maxUtilisation || f.utilisation > 1) continue;
      report({
        range: c.nameRange,
        message: `'${c.name}' runs hot: ${utilisationText(c, f)}, above max-utilisation ${formatPercent(system.maxUtilisation)}; add replicas or capacity`,
      });
    }
  },
};
