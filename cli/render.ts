/**
 * `sysd render`: the diagram of one system as SVG. Kept apart from the rest
 * of the command line and loaded only when a diagram is asked for, because
 * the layout code (ELK) is most of the bundle and `check` and `report` never
 * need it (see the start-up rows of `npm run bench`).
 */
import type { Analysis } from '../core/index';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Layouter } from '../core/diagram/layout-port';
import { renderSystemSvg } from '../core/diagram/render';
import { createWorkerLayouter } from '../node/layout-worker-client';
import type { Args } from './args';
import type { CliIo } from './io';
import { printable } from '../grammar/printable';

/**
 * Writes the diagram and returns the exit status: 0 once the diagram is
 * written, whatever the model's findings (drawing a model with errors is
 * what render is for); 2 when nothing could be written. With `--strict`
 * the findings decide, as for `check`: `findingsStatus` is that status.
 */
export async function render(args: Args, f: { file: string; analysis: Analysis }, io: CliIo, findingsStatus: number, layouter: Layouter): Promise<number> {
  const { model, systems } = f.analysis;
  const index = args.system === undefined ? 0 : model.systems.findIndex((s) => s.name === args.system);
  if (model.systems.length === 0 || index < 0) {
    io.stderr(`sysd: ${printable(f.file)}: ${args.system === undefined ? 'no system to render' : `no system named '${printable(args.system)}'`}\n`);
    layouter.dispose();
    return 2;
  }
  if (model.systems.length > 1 && args.system === undefined) {
    io.stderr(`sysd: ${f.file} holds ${model.systems.length} systems; rendering '${model.systems[0].name}' (choose one with --system NAME)\n`);
  }
  try {
    const { svg, notes } = await renderSystemSvg(model.systems[index], systems[index], layouter, { theme: args.theme, deadlineMs: CLI_LAYOUT_WALL_MS, layoutCpuMs: CLI_LAYOUT_CPU_MS });
    for (const note of notes) io.stderr(`sysd: ${printable(note)}\n`);
    if (args.output) {
      const written = io.writeText(args.output, svg);
      if (written.error) {
        io.stderr(`sysd: ${written.error}\n`);
        return 2;
      }
    } else io.stdout(svg);
  } finally {
    layouter.dispose();
  }
  return args.strict ? findingsStatus : 0;
}

/**
 * The layout's limits in the CLI: CPU time, so that a loaded CI machine
 * draws the same diagram as an idle one, and a far wall-clock limit only as
 * a safety net.
 */
export const CLI_LAYOUT_CPU_MS = 10_000;
const CLI_LAYOUT_WALL_MS = 300_000;

/**
 * ELK runs in a worker thread, as in the editor: in-process it cannot be
 * interrupted, so the deadline did nothing and a graph that explodes inside
 * ELK took the process to 4 GB. The worker is stopped at the deadline (or
 * when its capped heap runs out) and the fallback layout is drawn, with a
 * note on stderr. The bundle has dist/layout-worker.js one folder up from
 * dist/cli/; from source the worker runs node/layout-worker.ts through tsx.
 */
export async function startLayouter(): Promise<Layouter> {
  const candidates = [new URL('../layout-worker.js', import.meta.url), new URL('../node/layout-worker.ts', import.meta.url)].map((u) => fileURLToPath(u));
  const script = candidates.find((p) => existsSync(p));
  if (script) return createWorkerLayouter(script, { startNow: true });
  // Only without the worker script does ELK load on this thread (ELK is 3 MB: a quarter of a second).
  const { createInProcessLayouter } = await import('../core/diagram/layout-inprocess');
  return createInProcessLayouter();
}
