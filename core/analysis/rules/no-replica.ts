import type { Rule } from './rule';

const STORES = new Set(['database', 'storage', 'queue']);

export const noReplica: Rule = {
  code: 'no-replica',
  run({ system, report }) {
    for (const c of system.components) {
      if (!STORES.has(c.kind) || c.replicas > 1) continue;
      report({
        range: c.nameRange,
        message: `${c.kind} '${c.name}' has one instance: its data is lost if it fails; add 'replicas: 2' (with replication)`,
        data: { component: c.name, replicas: 2 },
      });
    }
  },
};
