import type { Rule } from './rule';

export const asyncReplication: Rule<'async-replication'> = {
  code: 'async-replication',
  run({ system, silenced, report }) {
    for (const c of system.components) {
      if (c.replicas < 2 || c.replication !== 'async' || (c.kind !== 'database' && c.kind !== 'storage')) continue;
      const explicit = c.propertyRanges.get('replication');
      const range = explicit ?? c.nameRange;
      if (silenced(range)) continue;
      report({
        range,
        message: `'${c.name}' replicates asynchronously${explicit ? '' : ' (the default)'}: writes acknowledged just before a failover can be lost (RPO > 0); write 'replication: sync' if they must not be`,
      });
    }
  },
};
