import type { Rule } from './rule';

export const statefulScaleOut: Rule = {
  code: 'stateful-scale-out',
  run({ system, report }) {
    for (const c of system.components) {
      if (!c.stateful || c.replicas < 2) continue;
      report({
        range: c.propertyRanges.get('stateful') ?? c.nameRange,
        message: `'${c.name}' keeps session state in memory but runs ${c.replicas} replicas: a user routed to another instance loses their session; move the state to a cache or database, or use sticky sessions`,
      });
    }
  },
};
