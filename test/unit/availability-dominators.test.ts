/**
 * Lengauer–Tarjan dominators against the definition, computed here by brute
 * force: x dominates y when y cannot be reached from the root once x is
 * removed. Random graphs (seeded) with cycles, shared nodes and unreachable
 * parts; and the long chain whose every link calls one shared component,
 * which made the previous algorithm quadratic.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { immediateDominators } from '../../core/analysis/availability/dominators';
import { unlimited } from '../../core/analysis/availability/budget';
import { findModules } from '../../core/analysis/availability/modules';
import { buildServiceGraph } from '../../core/analysis/availability/service-graph';
import { buildModel } from './helpers/model-builder';

function reachable(succ: number[][], root: number, removed: number): Uint8Array {
  const seen = new Uint8Array(succ.length);
  if (root === removed) return seen;
  const stack = [root];
  seen[root] = 1;
  while (stack.length > 0) {
    for (const y of succ[stack.pop()!]) {
      if (y !== removed && !seen[y]) {
        seen[y] = 1;
        stack.push(y);
      }
    }
  }
  return seen;
}

/** The immediate dominator by definition: the strict dominator that every other strict dominator dominates. */
function bruteIdom(succ: number[][], root: number): number[] {
  const n = succ.length;
  const all = reachable(succ, root, -1);
  const dominators: number[][] = Array.from({ length: n }, () => []);
  for (let x = 0; x < n; x++) {
    if (!all[x] || x === root) continue;
    const without = reachable(succ, root, x);
    for (let y = 0; y < n; y++) if (all[y] && y !== x && !without[y]) dominators[y].push(x);
  }
  dominators.forEach((ds, y) => {
    if (y !== root) ds.push(root);
  });
  return Array.from({ length: n }, (_, y) => {
    if (!all[y]) return -1;
    if (y === root) return root;
    const strict = dominators[y].filter((d) => d !== y);
    // The closest one has the most dominators itself.
    return strict.reduce((best, d) => (dominators[d].length > dominators[best].length ? d : best), root);
  });
}

test('Lengauer–Tarjan finds the same immediate dominators as the definition on 300 random graphs', () => {
  let s = 7;
  const r = () => {
    s = ((Math.imul(s, 48271) + 11) >>> 0) % 2147483647;
    return s / 2147483647;
  };
  for (let trial = 0; trial < 300; trial++) {
    const n = 2 + Math.floor(r() * 14);
    const succ: number[][] = Array.from({ length: n }, () => []);
    const edges = Math.floor(r() * n * 2.5);
    for (let e = 0; e < edges; e++) succ[Math.floor(r() * n)].push(Math.floor(r() * n));
    const succStart = new Int32Array(n + 1);
    for (let x = 0; x < n; x++) succStart[x + 1] = succStart[x] + succ[x].length;
    const got = Array.from(immediateDominators(n, 0, succStart, Int32Array.from(succ.flat()), unlimited()));
    assert.deepEqual(got, bruteIdom(succ, 0), `graph ${JSON.stringify(succ)}`);
  }
});

test('a 5,000-link chain where every link calls one logger keeps its modules', () => {
  const edges: string[] = ['u -> c0'];
  for (let i = 0; i < 5000; i++) edges.push(`c${i} -> c${i + 1}`, `c${i} -> logger`);
  const g = buildServiceGraph(buildModel({ components: { u: { kind: 'users' } }, edges }));
  const modules = findModules(g);
  // The logger is shared, so no chain link is a module root, but the logger itself is one.
  assert.ok(modules.isRoot[g.index.get('logger')!] === 1);
  assert.equal(modules.nodes.length, 5003);
});
