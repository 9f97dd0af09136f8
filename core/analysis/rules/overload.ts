import type { Rule } from './rule';
import { utilisationText } from './capacity-text';

export const overload: Rule = {
  code: 'overload',
  run({ system, capacity, report }) {
    for (const c of system.components) {
      const f = capacity.components.get(c.name);
      if (!f || f.utilisation === undefined || f.utilisation <= 1) continue;
      report({
        range: c.nameRange,
        message: `'${c.name}' is overloaded: ${utilisationText(c, f)}; add replicas or capacity`,
        data: { component: c.name, utilisation: f.utilisation },
      });
    }
  },
};
