import { listNames, type Rule } from './rule';

/** Failure alone takes an entry down, and the component cannot lose one instance. */
export const spof: Rule<'spof'> = {
  code: 'spof',
  run({ system, availability, silenced, report }) {
    for (const [name, entries] of availability.spof) {
      const c = system.componentsByName.get(name);
      if (!c || entries.length === 0) continue;
      const needed = Math.max(c.mode === 'active-passive' ? 1 : c.minUp, 1) + 1;
      const range = c.nameRange;
      if (silenced(range)) continue;
      const related = entries.map((e) => ({ message: `entry '${e}' goes down when '${name}' fails`, range: system.componentsByName.get(e)?.nameRange ?? c.nameRange }));
      const down = `'${name}' is a single point of failure: its failure alone takes down ${listNames(entries)}`;
      if (c.kind === 'external') {
        // Someone else runs it: its replicas are not the author's to add.
        report({ range, message: `${down}; add a second provider as an alternative (a -> ${name} | ${name}-2) or make the calls to it optional`, related, data: { component: name, entries } });
        continue;
      }
      const replicas = Math.max(needed, c.replicas + 1);
      report({
        range,
        message: `${down}; add 'replicas: ${replicas}' or an alternative (a -> ${name} | ${name}-2)`,
        related,
        data: { component: name, replicas, entries },
      });
    }
  },
};
