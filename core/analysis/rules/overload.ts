import type { Rule } from './rule';
import { utilisationText } from './capacity-text';

export const overload: Rule = {
  code: 'overload',
  run({ system, capacity, report }) {
    system.components.forEach((c, i) => {
      const f = capacity.figures[i];
      if (!f || f.utilisation === undefined || f.utilisation <= 1) return;
      report({
        range: c.nameRange,
        message: `'${c.name}' is overloaded: ${utilisationText(c, f)}; add replicas or capacity`,
        data: { component: c.name, utilisation: f.utilisation },
      });
    });
  },
};
