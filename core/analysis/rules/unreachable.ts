import type { Rule } from './rule';

export const unreachable: Rule<'unreachable'> = {
  code: 'unreachable',
  run({ system, reachedBy, silenced, report }) {
    if (!system.components.some((c) => c.isEntry)) return; // no-entry says it better.
    system.components.forEach((c, i) => {
      if (c.isEntry || (reachedBy[i]?.length ?? 0) > 0) return;
      const range = c.nameRange;
      if (silenced(range)) return;
      report({
        range,
        message: `no entry reaches '${c.name}': nothing calls it, so it adds nothing to the figures; connect it (x -> ${c.name}) or remove it`,
      });
    });
  },
};
