/**
 * Drops alternatives groups that cannot change any entry's figure, before
 * the exact engine sees the graph. `a -> b | c` is absorbed when b (or c) is
 * needed by the entry anyway through plain calls alone: whenever the entry
 * is served, b is served, so the group is satisfied and `b ∨ c` adds
 * nothing. Left in, such groups are what makes decision diagrams explode:
 * each one keeps "was b served?" open across the variable order until c's
 * part is reached, and a few dozen open at once mean 2^dozens nodes. Large
 * generated and real models (a fallback to a database that is also called
 * directly) are full of them.
 *
 * Why this is exact for the entries: let S be the served set of the graph
 * with the groups dropped (its greatest fixed point) and e an entry in S.
 * Plain calls are kept, so every node e needs through plain calls is in S.
 * The nodes of S that e reaches in the original graph then satisfy every
 * original group (a dropped group of a node e reaches has a target e needs),
 * so they are served in the original graph too, e included. Dropping a
 * requirement can only enlarge the served set, so the converse holds. Other
 * components' "served" can change, which is why only the availability
 * engine uses this graph, never the blast radius.
 *
 * A group is dropped only when this holds for every entry that reaches its
 * owner. The work is (entries) × (graph size); past WORK_LIMIT the graph is
 * returned unchanged, which is still exact, only possibly slower.
 */
import type { ServiceGraph } from './service-graph';

const WORK_LIMIT = 20_000_000;

export function dropAbsorbedAlternatives(g: ServiceGraph): ServiceGraph {
  const n = g.names.length;
  let alternatives = 0;
  for (const gs of g.groups) for (const ts of gs) if (ts.length > 1) alternatives++;
  if (alternatives === 0 || g.entries.length * (n + g.succ.length) > WORK_LIMIT) return g;

  // keep[x][k] = 1 once some entry reaches x without needing a target of x's k-th group.
  const keep = g.groups.map((gs) => gs.map((ts) => (ts.length > 1 ? 0 : 1)));
  const needed = new Int32Array(n).fill(-1);
  const reached = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  for (const e of g.entries) {
    // What the entry needs through plain calls (singleton groups) alone.
    needed[e] = e;
    stack.push(e);
    while (stack.length > 0) {
      const x = stack.pop()!;
      for (const ts of g.groups[x]) {
        if (ts.length === 1 && needed[ts[0]] !== e) {
          needed[ts[0]] = e;
          stack.push(ts[0]);
        }
      }
    }
    // Everything the entry reaches, checking each alternatives group on the way.
    reached[e] = e;
    stack.push(e);
    while (stack.length > 0) {
      const x = stack.pop()!;
      const gs = g.groups[x];
      for (let k = 0; k < gs.length; k++) {
        const ts = gs[k];
        if (!keep[x][k] && !ts.some((t) => needed[t] === e)) keep[x][k] = 1;
        for (const t of ts) {
          if (reached[t] !== e) {
            reached[t] = e;
            stack.push(t);
          }
        }
      }
    }
  }
  if (keep.every((ks) => ks.every((k) => k === 1))) return g;
  const groups = g.groups.map((gs, x) => gs.filter((_, k) => keep[x][k] === 1));
  const succStart = new Int32Array(n + 1);
  groups.forEach((gs, x) => {
    let count = 0;
    for (const ts of gs) count += ts.length;
    succStart[x + 1] = succStart[x] + count;
  });
  const succ = new Int32Array(succStart[n]);
  groups.forEach((gs, x) => {
    let at = succStart[x];
    for (const ts of gs) for (const t of ts) succ[at++] = t;
  });
  return { ...g, groups, succStart, succ };
}
