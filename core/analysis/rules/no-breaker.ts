import type { Rule } from './rule';

export const noBreaker: Rule<'no-breaker'> = {
  code: 'no-breaker',
  run({ system, silenced, report }) {
    for (const e of system.edges) {
      if (e.optional || e.kind !== 'sync' || e.breaker || e.timeout !== undefined) continue;
      const target = system.componentsByName.get(e.to);
      if (target?.kind !== 'external') continue;
      const range = e.toRange;
      if (silenced(range)) continue;
      report({
        range,
        message: `the call from '${e.from}' to external '${e.to}' has no timeout or circuit breaker: when '${e.to}' hangs, '${e.from}' hangs with it; add '{ timeout: 2s; breaker }'`,
        data: { edge: e.id, statementRange: e.range },
      });
    }
  },
};
