import { listNames, type Rule } from './rule';

/** A zone or region whose failure alone takes an entry down. */
export const zoneSpof: Rule = {
  code: 'zone-spof',
  run({ system, availability, report }) {
    for (const [name, entries] of availability.zoneSpof) {
      const group = system.groupsByName.get(name);
      if (!group || entries.length === 0) continue;
      // The components that live only in this group are what a fix has to spread.
      const inside = (zone: string) => zone === name || system.groupsByName.get(zone)?.parent === name;
      const confined = system.components.filter((c) => !c.isEntry && c.zones.length > 0 && c.zones.every(inside)).map((c) => c.name);
      const zonesToUse = system.groups.filter((g) => g.type === 'zone').map((g) => g.name);
      report({
        range: group.nameRange,
        message: `${group.type} '${name}' is a single point of failure: its failure alone takes down ${listNames(entries)}${confined.length ? `; spread ${listNames(confined)} over more than one ${group.type}` : ''}`,
        related: confined.map((c) => ({ message: `'${c}' runs only in ${group.type} '${name}'`, range: system.componentsByName.get(c)!.nameRange })),
        data: { group: name, components: confined, zones: zonesToUse, entries },
      });
    }
  },
};
