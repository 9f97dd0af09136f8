/**
 * `sysd render`: the diagram of one system as SVG. Kept apart from the rest
 * of the command line and loaded only when a diagram is asked for, because
 * the layout code (ELK) is most of the bundle and `check` and `report` never
 * need it (see the start-up rows of `npm run bench`).
 */
import type { Analysis } from '../core/index';
import { createInProcessLayouter, renderSystemSvg } from '../core/diagram';
import type { Args } from './args';
import type { CliIo } from './io';
import { printable } from '../grammar/printable';

/**
 * Writes the diagram and returns the exit status: 0 once the diagram is
 * written, whatever the model's findings (drawing a model with errors is
 * what render is for); 2 when nothing could be written. With `--strict`
 * the findings decide, as for `check`: `findingsStatus` is that status.
 */
export async function render(args: Args, f: { file: string; analysis: Analysis }, io: CliIo, findingsStatus: number): Promise<number> {
  const { model, systems } = f.analysis;
  const index = args.system === undefined ? 0 : model.systems.findIndex((s) => s.name === args.system);
  if (model.systems.length === 0 || index < 0) {
    io.stderr(`sysd: ${printable(f.file)}: ${args.system === undefined ? 'no system to render' : `no system named '${printable(args.system)}'`}\n`);
    return 2;
  }
  if (model.systems.length > 1 && args.system === undefined) {
    io.stderr(`sysd: ${f.file} holds ${model.systems.length} systems; rendering '${model.systems[0].name}' (choose one with --system NAME)\n`);
  }
  const layouter = createInProcessLayouter();
  try {
    const { svg, notes } = await renderSystemSvg(model.systems[index], systems[index], layouter, { theme: args.theme });
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
