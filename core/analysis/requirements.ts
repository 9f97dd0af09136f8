/**
 * Requirement groups (docs/language.md §6), defined once: what a component
 * needs to be served. Availability, SPOF, zone-SPOF, "needed by" and so the
 * diagram's badges, hovers and fixes all read this, so they cannot disagree
 * about what a cache in front of a database means.
 *
 * A component's requirement groups are
 * - each alternatives group of each of its non-optional `->` statements;
 * - for each target of an optional `->` statement that is a `cache` with
 *   `hit` below 100%, that cache's own requirement groups (not the cache
 *   itself): a miss, or a cache that is down, goes on to what the cache
 *   calls. So `api -> redis { optional }` with `redis -> orders` needs
 *   `orders`, exactly as if the model said `api -> orders`. Applied
 *   recursively; a cache already on the way is not entered twice.
 * `~>` edges and optional calls to anything but a cache are not requirements.
 */
import type { DependencyGroup, SystemModel } from '../model/types';

/**
 * Calls `add(targets)` for each requirement group of `name`, in source order;
 * `targets` are names as written (the caller resolves and de-duplicates).
 */
export function forEachRequirementGroup(system: SystemModel, name: string, add: (targets: readonly string[]) => void): void {
  visit(system, system.dependencies.get(name), add, undefined);
}

function visit(
  system: SystemModel,
  deps: readonly DependencyGroup[] | undefined,
  add: (targets: readonly string[]) => void,
  onTheWay: Set<string> | undefined,
): void {
  if (!deps) return;
  for (const dep of deps) {
    if (dep.kind !== 'sync') continue;
    if (!dep.optional) {
      add(dep.targets);
      continue;
    }
    for (const target of dep.targets) {
      const cache = system.componentsByName.get(target);
      if (!cache || cache.kind !== 'cache' || !(cache.hit < 1) || onTheWay?.has(target)) continue;
      // Only optional calls to caches reach here, so most components never allocate the set.
      const way = new Set(onTheWay);
      way.add(target);
      visit(system, system.dependencies.get(target), add, way);
    }
  }
}
