/**
 * A/B of the parser against another commit, side by side on one machine, for
 * a change whose acceptance is "within N% of today's medians": the load of a
 * shared machine moves single figures by more than that, so both sides run
 * alternately under the same load.
 *
 *   node --import tsx bench/parser-ab.ts [parse|rows|cli|same] [--old <ref>] [--times N] [--cases a,b] [--gc] [--split] [--mutations N]
 *
 * The other side is `git archive <ref>` (default `main`) unpacked under the
 * temporary directory, with this tree's node_modules; nothing of it is
 * committed here.
 *
 * - `parse`: both trees' grammar bundled into one process (server V8 flags),
 *   `parse()` and the parser alone (`parseTokens`) timed in alternating rounds
 *   at 1,000 and 10,000 components; `--gc` starts each run from a full
 *   collection, so neither side pays for the other's garbage, and `--split`
 *   runs each side in processes of its own instead (alternating), so neither
 *   shares chevrotain's code, and its type feedback, with the other.
 * - `rows`: the core bench's rows that parse (bench/core-bench.ts cases
 *   parse-1000, parse-10000, analyse-1000, analyse-10000), each tree's bundle,
 *   one process per case and side, alternating, N times (`--cases` picks some).
 * - `cli`: the cli bench's check rows (`sysd check` of 5 and 200 components,
 *   `--format json` of 1,000 and 10,000), each tree built, alternating
 *   processes, N times.
 *
 * - `same`: not a timing: both trees' `parse()` on the same inputs
 *   (bench/parser-ab-same.ts), for a grammar change meant to change no output.
 *
 * Every result line carries the load average, so a figure taken while another
 * session ran end-to-end tests can be told apart.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { generateSysd } from './generate';
import { SERVER_EXEC_ARGV } from '../server/runtime-flags';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const mode = args[0] && !args[0].startsWith('--') ? args[0] : 'parse';
const ref = option('--old', 'main');
const times = Number(option('--times', '5'));
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const banner = "import { createRequire as __sysdRequire } from 'node:module'; const require = __sysdRequire(import.meta.url);";

/** The tree of `ref`, unpacked once per commit, sharing this tree's node_modules. */
function oldTree(): string {
  const sha = execFileSync('git', ['rev-parse', ref], { cwd: root, encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `sysd-ab-${sha.slice(0, 12)}`);
  if (!existsSync(join(dir, 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} | tar -x -C '${dir}'`], { cwd: root });
    symlinkSync(realpathSync(join(root, 'node_modules')), join(dir, 'node_modules'));
  }
  console.log(`old: ${ref} (${sha.slice(0, 10)}) in ${dir}; new: ${root}`);
  return dir;
}

function bundle(entry: string, outfile: string, nodePaths: string[] = []): void {
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning', banner: { js: banner }, nodePaths });
}

/** Writes `lines` as an entry script in a fresh directory, bundles it and gives the bundle to `run`; then removes it all. */
function withEntry(name: string, lines: string[], run: (bundled: string) => void): void {
  const work = mkdtempSync(join(tmpdir(), `sysd-ab-${name}-`));
  try {
    const entry = join(work, 'entry.ts');
    writeFileSync(entry, lines.join('\n'));
    const out = join(work, 'entry.mjs');
    bundle(entry, out, [join(root, 'node_modules')]);
    run(out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The import lines of one tree's `parse`, `lex` and `SysdParser`, as `name`. */
const sideOf = (tree: string, name: string): string[] => [
  `import { parse as ${name}Parse } from ${JSON.stringify(join(tree, 'grammar/parse.ts'))};`,
  `import { lex as ${name}Lex } from ${JSON.stringify(join(tree, 'grammar/lex.ts'))};`,
  `import { SysdParser as ${name}Parser } from ${JSON.stringify(join(tree, 'grammar/parser.ts'))};`,
];

/** `parse --split`: each side in processes of its own, alternating, so neither shares the other's code or garbage. */
function splitParseMode(old: string): void {
  const work = mkdtempSync(join(tmpdir(), 'sysd-ab-split-'));
  try {
    const bundles = { old: join(work, 'old.mjs'), new: join(work, 'new.mjs') };
    for (const [which, tree] of [['old', old], ['new', root]] as const) {
      const entry = join(work, `${which}.ts`);
      writeFileSync(
        entry,
        [
          ...sideOf(tree, 'side'),
          `import { measureOne } from ${JSON.stringify(join(root, 'bench/parser-ab-case.ts'))};`,
          `measureOne({ parse: sideParse, lex: sideLex, SysdParser: sideParser }, [1000, 10000], Number(process.env.AB_ROUNDS ?? 300), 3000);`,
        ].join('\n'),
      );
      bundle(entry, bundles[which], [join(root, 'node_modules')]);
    }
    const results: Record<string, { old: number[]; new: number[] }> = {};
    for (let i = 0; i < times; i++) {
      for (const which of i % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
        const child = spawnSync(process.execPath, [...SERVER_EXEC_ARGV, ...(args.includes('--gc') ? ['--expose-gc'] : []), bundles[which]], { encoding: 'utf8' });
        if (child.status !== 0) throw new Error(child.stderr);
        for (const line of child.stdout.split('\n').filter((l) => l.startsWith('{'))) {
          const r = JSON.parse(line) as { components: number; parse: number; parseTokens: number };
          for (const measure of ['parse', 'parseTokens'] as const) {
            const key = `${measure} ${r.components}`;
            (results[key] ??= { old: [], new: [] })[which].push(r[measure]);
            console.log(`  ${key.padEnd(20)} ${which} ${r[measure].toFixed(2)} ms  load ${load()}`);
          }
        }
      }
    }
    summary(results);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function parseMode(old: string): void {
  const lines = [
    ...sideOf(old, 'old'),
    ...sideOf(root, 'new'),
    `import { compare } from ${JSON.stringify(join(root, 'bench/parser-ab-case.ts'))};`,
    `compare({ parse: oldParse, lex: oldLex, SysdParser: oldParser }, { parse: newParse, lex: newLex, SysdParser: newParser }, [1000, 10000], Number(process.env.AB_ROUNDS ?? 300), 3000);`,
  ];
  withEntry('parse', lines, (out) => {
    const results: Record<string, { old: number[]; new: number[] }> = {};
    for (let i = 0; i < times; i++) {
      const child = spawnSync(process.execPath, [...SERVER_EXEC_ARGV, ...(args.includes('--gc') ? ['--expose-gc'] : []), out], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
      for (const line of child.stdout.split('\n').filter((l) => l.startsWith('{'))) {
        const r = JSON.parse(line) as { components: number; measure: string; old: number; new: number };
        const key = `${r.measure} ${r.components}`;
        (results[key] ??= { old: [], new: [] }).old.push(r.old);
        results[key].new.push(r.new);
        console.log(`  ${key.padEnd(20)} old ${r.old.toFixed(2)} ms  new ${r.new.toFixed(2)} ms  ratio ${(r.new / r.old).toFixed(3)}  load ${load()}`);
      }
    }
    summary(results);
  });
}

/** `same`: both trees' `parse()` in one process, on the same inputs; exits 1 when any output differs. */
function sameMode(old: string): void {
  const lines = [
    `import { parse as oldParse } from ${JSON.stringify(join(old, 'grammar/parse.ts'))};`,
    `import { parse as newParse } from ${JSON.stringify(join(root, 'grammar/parse.ts'))};`,
    `import { compareOutputs, sameInputs } from ${JSON.stringify(join(root, 'bench/parser-ab-same.ts'))};`,
    `process.exitCode = compareOutputs(oldParse, newParse, sameInputs(${JSON.stringify(root)}), ${Number(option('--mutations', '100000'))}) > 0 ? 1 : 0;`,
  ];
  withEntry('same', lines, (out) => {
    const child = spawnSync(process.execPath, [out], { encoding: 'utf8', stdio: 'inherit' });
    process.exitCode = child.status ?? 1;
  });
}

const CASES = option('--cases', 'parse-1000,parse-10000,analyse-1000,analyse-10000').split(',');

function rowsMode(old: string): void {
  const work = mkdtempSync(join(tmpdir(), 'sysd-ab-rows-'));
  try {
    const bundles = { old: join(work, 'old.mjs'), new: join(work, 'new.mjs') };
    bundle(join(old, 'bench/core-bench.ts'), bundles.old);
    bundle(join(root, 'bench/core-bench.ts'), bundles.new);
    const results: Record<string, { old: number[]; new: number[] }> = {};
    for (let i = 0; i < times; i++) {
      for (const id of CASES) {
        const order: ('old' | 'new')[] = i % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
        for (const which of order) {
          const child = spawnSync(process.execPath, [...SERVER_EXEC_ARGV, bundles[which], id], { encoding: 'utf8' });
          const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
          if (child.status !== 0 || !line) throw new Error(`${which} ${id}: ${child.stderr}`);
          const row = JSON.parse(line) as { median: number };
          (results[id] ??= { old: [], new: [] })[which].push(row.median);
          console.log(`  ${id.padEnd(20)} ${which} ${row.median.toFixed(2)} ms  load ${load()}`);
        }
      }
    }
    summary(results);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function cliMode(old: string): void {
  for (const tree of [old, root]) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: tree, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build in ${tree}: ${build.stderr}`);
  }
  const work = mkdtempSync(join(tmpdir(), 'sysd-ab-cli-'));
  try {
    // The cli bench's check rows: `sysd check` of 5 and 200 components, `--format json` of 1,000 and 10,000.
    const files = [5, 200, 1000, 10_000].map((n) => {
      const path = join(work, `${n}.sysd`);
      writeFileSync(path, generateSysd(n === 5 ? { components: 5, entries: 1 } : { components: n }));
      return [n, path, n >= 1000 ? ['check', '--format', 'json', path] : ['check', path]] as const;
    });
    const results: Record<string, { old: number[]; new: number[] }> = {};
    for (let i = 0; i < times; i++) {
      for (const [n, , command] of files) {
        const order: ('old' | 'new')[] = i % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
        for (const which of order) {
          const start = performance.now();
          const child = spawnSync(process.execPath, ['bin/sysd.js', ...command], { cwd: which === 'old' ? old : root, encoding: 'utf8', maxBuffer: 1 << 30 });
          const ms = performance.now() - start;
          if (child.status !== 0 && child.status !== 1) throw new Error(`${which} check ${n}: ${child.stderr}`);
          (results[`check ${n}`] ??= { old: [], new: [] })[which].push(ms);
          console.log(`  check ${String(n).padEnd(14)} ${which} ${ms.toFixed(0)} ms  load ${load()}`);
        }
      }
    }
    summary(results);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function summary(results: Record<string, { old: number[]; new: number[] }>): void {
  console.log(`\nmedians over ${times} (load now ${load()}):`);
  for (const [key, r] of Object.entries(results)) {
    const o = median(r.old);
    const n = median(r.new);
    console.log(`  ${key.padEnd(20)} old ${o.toFixed(2)} ms  new ${n.toFixed(2)} ms  new/old ${(n / o).toFixed(3)}`);
  }
}

const old = oldTree();
if (mode === 'parse') (args.includes('--split') ? splitParseMode : parseMode)(old);
else if (mode === 'rows') rowsMode(old);
else if (mode === 'cli') cliMode(old);
else if (mode === 'same') sameMode(old);
else console.error(`unknown mode '${mode}': parse, rows, cli or same`);
