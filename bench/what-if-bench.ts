/**
 * `npm run bench`: what a what-if toggle costs the server (sysd/whatIf runs
 * core/analysis/what-if.ts on the last analysis's model), beside the
 * analysis of the same system, on generated models of 1,000 and 10,000
 * components: one zone failed, and one component failed. Informational rows:
 * a what-if runs the same engines as the analysis (conditioned availability,
 * capacity of what is left, the blast radius), so it should cost about as
 * much as one analysis of the system, and the rows show whether it does.
 *
 *   node --import tsx bench/what-if-bench.ts        (RUNS=n to change the run count)
 */
import { analyseText } from '../core/index';
import { analyseSystem } from '../core/analysis/analyse';
import { whatIf, type Scenario } from '../core/analysis/what-if';
import type { BenchRow } from './core-bench';
import { generateSysd } from './generate';

function time(runs: number, f: () => unknown): number[] {
  f();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function run(runs = Number(process.env.RUNS ?? 7)): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of [1000, 10_000]) {
    const analysis = analyseText(generateSysd({ components: n }));
    const system = analysis.model.systems[0];
    const normal = analysis.systems[0];
    const zone = system.groups.find((g) => g.type === 'zone')?.name;
    const component = system.components.find((c) => !c.isEntry)?.name;
    const analyse = time(runs, () => analyseSystem(system));
    const scenarios: [string, Scenario][] = [
      [`zone ${zone}`, { components: [], groups: zone ? [zone] : [] }],
      [`component ${component}`, { components: component ? [component] : [], groups: [] }],
    ];
    for (const [what, scenario] of scenarios) {
      const t = time(runs, () => whatIf(system, normal, scenario));
      rows.push({
        name: `what-if ${n} components, ${what} down`,
        median: at(t, 50),
        p95: at(t, 95),
        ok: true,
        info: true,
        note: `the analysis of the same system: median ${at(analyse, 50).toFixed(1)} ms`,
      });
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await run()) console.log(`${row.name}: median ${row.median!.toFixed(1)} ms, p95 ${row.p95!.toFixed(1)} ms; ${row.note}`);
}
