import type { Rule } from './rule';

export const crossRegionSync: Rule<'cross-region-sync'> = {
  code: 'cross-region-sync',
  run({ system, silenced, report }) {
    for (const c of system.components) {
      if (c.replication !== 'sync' || c.replicas < 2) continue;
      const regions = new Set(c.zones.map((z) => system.groupsByName.get(z)?.parent).filter((r): r is string => !!r));
      if (regions.size < 2) continue;
      const range = c.propertyRanges.get('replication') ?? c.nameRange;
      if (silenced(range)) continue;
      report({
        range,
        message: `'${c.name}' replicates synchronously across regions ${[...regions].map((r) => `'${r}'`).join(' and ')}: every write waits for a cross-region round trip; keep sync replicas in one region or use async`,
      });
    }
  },
};
