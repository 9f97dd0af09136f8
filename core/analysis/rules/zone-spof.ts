import type { ComponentModel, SystemModel } from '../../model/types';
import { listNames, type Rule } from './rule';

/** A zone or region whose failure alone takes an entry down. */
export const zoneSpof: Rule<'zone-spof'> = {
  code: 'zone-spof',
  run({ system, availability, silenced, report }) {
    if (availability.zoneSpof.size === 0) return;
    // Worked out on the first finding that is not silenced, so an ignored region costs nothing.
    let confinedTo: Map<string, ComponentModel[]> | undefined;
    let zonesToUse: string[] = [];
    for (const [name, entries] of availability.zoneSpof) {
      const group = system.groupsByName.get(name);
      if (!group || entries.length === 0) continue;
      const range = group.nameRange;
      if (silenced(range)) continue;
      if (!confinedTo) {
        confinedTo = confinement(system);
        zonesToUse = system.groups.filter((g) => g.type === 'zone').map((g) => g.name);
      }
      // The components that live only in this group are what a fix has to spread.
      const inside = confinedTo.get(name) ?? [];
      const confined = inside.map((c) => c.name);
      report({
        range,
        message: `${group.type} '${name}' is a single point of failure: its failure alone takes down ${listNames(entries)}${confined.length ? `; spread ${listNames(confined)} over more than one ${group.type}` : ''}`,
        related: inside.map((c) => ({ message: `'${c.name}' runs only in ${group.type} '${name}'`, range: c.nameRange })),
        data: { group: name, components: confined, zones: [...zonesToUse], entries },
      });
    }
  },
};

/**
 * Group name → the non-entry components (in source order) whose zones all
 * lie in that group: each zone is the group itself or one of its zones. Only
 * the first zone and its region can be such a group, so one pass over the
 * components serves every zone-spof finding.
 */
function confinement(system: SystemModel): Map<string, ComponentModel[]> {
  const parent = (zone: string) => system.groupsByName.get(zone)?.parent;
  const confinedTo = new Map<string, ComponentModel[]>();
  for (const c of system.components) {
    if (c.isEntry || c.zones.length === 0) continue;
    const candidates = [c.zones[0], parent(c.zones[0])];
    candidates.forEach((group, k) => {
      if (group === undefined || (k === 1 && group === candidates[0])) return;
      if (!c.zones.every((zone) => zone === group || parent(zone) === group)) return;
      const list = confinedTo.get(group);
      if (list) list.push(c);
      else confinedTo.set(group, [c]);
    });
  }
  return confinedTo;
}
