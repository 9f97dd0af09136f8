/**
 * `sysd check | report | render`: the same core as the editor, for a terminal
 * and CI. Returns the exit status instead of exiting so tests run it in-process.
 */
import { analyseText, type Analysis } from '../core/index';
import { LineIndex } from '../core/line-index';
import { jsonFile } from '../core/report/json';
import { fixesFor, fixFailure } from '../core/fixes';
import { markdownReport } from '../core/report/markdown';
import { textReport } from '../core/report/table';
import { parseArgs, USAGE, type Args } from './args';
import type { CliIo } from './io';
import { sarifLog } from './sarif';
import { printable } from '../grammar/printable';

import { VERSION } from '../core/version';

export { VERSION };

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if ('help' in parsed) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if ('usage' in parsed) {
    // A bare `sysd` asked for nothing: say how to use it, as bad usage (a script that forgot its arguments fails).
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  if ('error' in parsed) {
    io.stderr(`sysd: ${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  // Loaded only to render, so that check and report never load the layout code; started before the
  // analysis, so that the layout thread loads ELK and warms up meanwhile.
  const rendering = parsed.command === 'render' ? await import('./render').then(async (m) => ({ render: m.render, layouter: await m.startLayouter() })) : undefined;
  const files: { file: string; analysis: Analysis }[] = [];
  for (const file of parsed.files) {
    const read = io.readText(file);
    if ('error' in read) {
      io.stderr(`sysd: ${printable(read.error)}\n`);
      rendering?.layouter.dispose();
      return 2;
    }
    files.push({ file, analysis: analyseText(read.text) });
  }
  switch (parsed.command) {
    case 'check':
      return check(parsed, files, io);
    case 'report':
      return report(parsed, files[0], io);
    case 'render': {
      const { render, layouter } = rendering!;
      return render(parsed, files[0], io, exitStatus(parsed, files), layouter);
    }
  }
}

function counts(files: { analysis: Analysis }[]) {
  const all = files.flatMap((f) => f.analysis.diagnostics);
  const n = (s: string) => all.filter((d) => d.severity === s).length;
  return { errors: n('error'), warnings: n('warning'), infos: n('info'), hints: n('hint') };
}

function exitStatus(args: Args, files: { analysis: Analysis }[]): number {
  const c = counts(files);
  return c.errors > 0 || (args.maxWarnings !== undefined && c.warnings > args.maxWarnings) ? 1 : 0;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function check(args: Args, files: { file: string; analysis: Analysis }[], io: CliIo): number {
  if (args.format === 'json') io.stdout(`${JSON.stringify({ files: files.map((f) => jsonFile(f.file, f.analysis)) }, null, 2)}\n`);
  else if (args.format === 'sarif') io.stdout(`${JSON.stringify(sarifLog(files, VERSION), null, 2)}\n`);
  else {
    for (const { file, analysis } of files) {
      const index = new LineIndex(analysis.text);
      for (const d of analysis.diagnostics) {
        const at = index.position(d.range.start);
        // User text (the message quotes values; a file name can hold anything) never reaches a terminal or
        // a CI log raw: a control character could clear the screen or start a line of its own.
        io.stdout(`${printable(file)}:${at.line + 1}:${at.character + 1} ${d.severity} ${d.code} ${printable(d.message)}\n`);
        // The editor's quick fixes that repair it, indented so a problem matcher reads only the line above.
        for (const fix of fixesFor({ text: analysis.text, lines: index, analysis }, d, (error, code) => io.stderr(`${fixFailure(error, code, false)}\n`))) if (fix.kind === 'repair') io.stdout(`    fix: ${printable(fix.title)}\n`);
      }
    }
    const c = counts(files);
    const limit = args.maxWarnings !== undefined && c.warnings > args.maxWarnings ? ` (more than --max-warnings ${args.maxWarnings})` : '';
    io.stdout(
      `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}${limit}, ${plural(c.infos, 'info')}, ${plural(c.hints, 'hint')} in ${plural(files.length, 'file')}\n`,
    );
  }
  return exitStatus(args, files);
}

function report(args: Args, f: { file: string; analysis: Analysis }, io: CliIo): number {
  if (args.format === 'json') io.stdout(`${JSON.stringify({ files: [jsonFile(f.file, f.analysis)] }, null, 2)}\n`);
  else if (args.format === 'markdown') io.stdout(markdownReport(f.analysis, f.file));
  else io.stdout(textReport(f.analysis));
  return exitStatus(args, [f]);
}
