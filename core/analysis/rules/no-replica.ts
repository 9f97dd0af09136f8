import type { Rule } from './rule';

const STORES = new Set(['database', 'storage', 'queue']);

export const noReplica: Rule<'no-replica'> = {
  code: 'no-replica',
  run({ system, silenced, report }) {
    for (const c of system.components) {
      if (!STORES.has(c.kind) || c.replicas > 1) continue;
      const range = c.nameRange;
      if (silenced(range)) continue;
      report({
        range,
        message: `${c.kind} '${c.name}' has one instance: its data is lost if it fails; add 'replicas: 2' (with replication)`,
        data: { component: c.name, replicas: 2 },
      });
    }
  },
};
