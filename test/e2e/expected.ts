/**
 * What the editor should show, taken from the sysd command line (the same
 * core) rather than copied into the test: a rule's wording or a figure can
 * change without this test going stale, while a surface that drops or moves a
 * finding still fails it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './e2e-env';

export interface Finding {
  code: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

function cliJson(args: string[]): { files: { diagnostics: Finding[]; systems?: { name: string; components: { name: string }[] }[] }[] } {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'sysd.js'), ...args, '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`sysd ${args.join(' ')} failed (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** The findings `sysd check` reports for `file`. */
export function findingsOf(file: string): Finding[] {
  return cliJson(['check', file]).files[0].diagnostics;
}

/** The names of the components of the first system in `file`, as `sysd report` lists them. */
export function componentsOf(file: string): string[] {
  return cliJson(['report', file]).files[0].systems![0].components.map((c) => c.name);
}

/** The 1-based number of the first line of `file` that contains `text`. */
export function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`'${text}' is not in ${file}`);
  return index + 1;
}
