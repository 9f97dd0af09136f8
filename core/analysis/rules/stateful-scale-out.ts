import type { Rule } from './rule';

export const statefulScaleOut: Rule<'stateful-scale-out'> = {
  code: 'stateful-scale-out',
  run({ system, silenced, report }) {
    for (const c of system.components) {
      if (!c.stateful || c.replicas < 2) continue;
      const range = c.propertyRanges.get('stateful') ?? c.nameRange;
      if (silenced(range)) continue;
      report({
        range,
        message: `'${c.name}' keeps session state in memory but runs ${c.replicas} replicas: a user routed to another instance loses their session; move the state to a cache or database, or use sticky sessions`,
      });
    }
  },
};
