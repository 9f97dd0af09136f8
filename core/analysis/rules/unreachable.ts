import type { Rule } from './rule';

export const unreachable: Rule = {
  code: 'unreachable',
  run({ system, reachedBy, report }) {
    if (!system.components.some((c) => c.isEntry)) return; // no-entry says it better.
    for (const c of system.components) {
      if (c.isEntry || (reachedBy.get(c.name)?.length ?? 0) > 0) continue;
      report({
        range: c.nameRange,
        message: `no entry reaches '${c.name}': nothing calls it, so it adds nothing to the figures; connect it (x -> ${c.name}) or remove it`,
      });
    }
  },
};
