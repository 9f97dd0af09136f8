import { formatDuration } from '../../format';
import { listNames, type Rule } from './rule';

export const coldStandby: Rule<'cold-standby'> = {
  code: 'cold-standby',
  run({ system, neededBy, silenced, report }) {
    system.components.forEach((c, i) => {
      if (c.mode !== 'active-passive' || c.standby !== 'cold' || c.replicas < 2) return;
      const entries = neededBy[i] ?? [];
      if (entries.length === 0) return;
      const range = c.propertyRanges.get('standby') ?? c.nameRange;
      if (silenced(range)) return;
      report({
        range,
        message: `'${c.name}' has a cold standby on a path ${listNames(entries)} needs: each failover takes ${formatDuration(c.failover)}; a warm or hot standby fails over faster`,
      });
    });
  },
};
