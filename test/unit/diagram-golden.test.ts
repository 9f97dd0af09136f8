/**
 * Golden ELK graphs for every example: the graph handed to ELK is the
 * contract between model and layout, and a change to it should be seen in
 * review. Refresh with UPDATE_GOLDEN=1 and look at the rendered SVGs.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildElkGraph } from '../../core/diagram/index';
import { exampleSystems, GOLDEN_DIR } from './diagram-helpers';

describe('ELK graph goldens', () => {
  for (const ex of exampleSystems()) {
    const name = `${ex.file.replace(/\.sysd$/, '')}.${ex.system.name}.elk.json`;
    test(`${ex.file} system ${ex.system.name} builds the golden ELK graph`, () => {
      // Built without figures, so a change in the analyses does not move these goldens;
      // the figures line is covered by the SVG tests.
      const actual = JSON.stringify(buildElkGraph(ex.system), null, 2) + '\n';
      const path = join(GOLDEN_DIR, name);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(path, actual);
        if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`wrote missing golden ${name}; review it and run again`);
        return;
      }
      assert.equal(actual, readFileSync(path, 'utf8'), `ELK graph of ${ex.file} differs from ${name} (UPDATE_GOLDEN=1 to refresh)`);
    });
  }

  test('the same model gives the same graph, and ids come from names only', () => {
    const [ex] = exampleSystems();
    const a = buildElkGraph(ex.system, ex.figures);
    const b = buildElkGraph(ex.system, ex.figures);
    assert.deepEqual(a, b);
    const ids: string[] = [];
    (function walk(n: { id: string; children?: unknown[]; edges?: { id: string }[] }): void {
      ids.push(n.id);
      n.edges?.forEach((e) => ids.push(e.id));
      (n.children as typeof n[] | undefined)?.forEach(walk);
    })(a);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    for (const c of ex.system.components) assert.ok(ids.includes(`n:${c.name}`), `component ${c.name} has id n:${c.name}`);
  });
});
