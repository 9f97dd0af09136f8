/**
 * `npm run bench`: how far a small edit moves the diagram, in layout units
 * (bench/layout-stability.ts). Each example gets one component and one edge
 * added, called by each of its components in turn, and is laid out again,
 * seeded with the previous positions as the preview does and afresh for
 * comparison. Prints the median, 90th percentile and maximum displacement of
 * the components that were already there. Distances, not times: these rows
 * inform and pass or fail nothing (the bound is asserted by
 * test/unit/diagram-stability.test.ts).
 *
 *   node --import tsx bench/layout-stability-bench.ts
 */
import { createInProcessLayouter } from '../core/diagram/index';
import type { BenchRow } from './core-bench';
import { measureStability, percentile } from './layout-stability';

export async function run(): Promise<BenchRow[]> {
  const layouter = createInProcessLayouter();
  const rows: BenchRow[] = [];
  try {
    for (const seeded of [true, false]) {
      const cases = await measureStability(layouter, { seeded });
      const moved = cases.flatMap((c) => c.moved);
      const units = (n: number) => n.toFixed(1);
      rows.push({
        name: `layout after +1 component +1 edge (${seeded ? 'seeded, as the preview' : 'laid out afresh'})`,
        ok: true,
        info: true,
        note: `displacement median ${units(percentile(moved, 50))}, p90 ${units(percentile(moved, 90))}, max ${units(Math.max(...moved))} layout units; ${moved.length} components over ${cases.length} edits of ${new Set(cases.map((c) => c.example)).size} examples`,
      });
    }
  } finally {
    layouter.dispose();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await run()) console.log(`${row.name}: ${row.note}`);
}
