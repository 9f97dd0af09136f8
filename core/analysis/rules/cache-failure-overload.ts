import { formatPercent } from '../../format';
import type { Rule } from './rule';
import { pastCapacity } from '../verdict';
import { sizeToCarry } from '../capacity';

export const cacheFailureOverload: Rule<'cache-failure-overload'> = {
  code: 'cache-failure-overload',
  run({ system, capacity, silenced, report }) {
    system.components.forEach((c, i) => {
      const f = capacity.figures[i];
      if (!f || f.cacheFailureUtilisation === undefined || !pastCapacity(f.cacheFailureUtilisation)) return;
      if (pastCapacity(f.utilisation)) return; // Already an overload.
      const cache = f.cacheFailureCause ? system.componentsByName.get(f.cacheFailureCause) : undefined;
      const range = c.nameRange;
      if (silenced(range)) return;
      report({
        range,
        message: `if cache '${f.cacheFailureCause ?? '?'}' fails, '${c.name}' must carry the load it absorbed: ${formatPercent(f.cacheFailureUtilisation)} of capacity at peak; add capacity or make the cache redundant`,
        related: cache ? [{ message: `cache '${cache.name}'`, range: cache.nameRange }] : undefined,
        data: { component: c.name, cache: f.cacheFailureCause, ...sizeToCarry(c, f.cacheFailureUtilisation * f.capacity!) },
      });
    });
  },
};
