import type { Rule } from './rule';

export const syncCycle: Rule<'sync-cycle'> = {
  code: 'sync-cycle',
  run({ syncCycles, silenced, report }) {
    for (const cycle of syncCycles) {
      const closing = cycle[cycle.length - 1];
      const names = [...cycle.map((e) => e.from), cycle[0].from];
      const range = closing.toRange;
      if (silenced(range)) continue;
      report({
        range,
        message: `synchronous calls form a cycle: ${names.join(' -> ')}; a request can end up waiting on itself — make one call async (~>) or optional`,
        related: cycle.slice(0, -1).map((e) => ({ message: `${e.from} -> ${e.to}`, range: e.toRange })),
      });
    }
  },
};
