/**
 * The CLI half of the fuzz suite, run inside one child process per batch
 * (test/fuzz/cli-fuzz.ts starts it with a capped heap): every mutated case
 * goes through `sysd` in every format, in-process with captured output, and
 * each case prints one JSON line with what was wrong with it (nothing, for a
 * good case). A line `{"start":seed}` before each case tells the parent which
 * case a crash or a kill belongs to.
 *
 *   node --import tsx test/fuzz/cli-cases.ts RUN_SEED FIRST COUNT
 *   node --import tsx test/fuzz/cli-cases.ts --case CASE_SEED     (replays one case)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { nodeIo, type CliIo } from '../../cli/io';
import { run } from '../../cli/run';
import { caseSeed, exampleCorpus, mutateCase } from './mutate';

export interface CaseReport {
  seed: number;
  base: string;
  bytes: number;
  /** CPU milliseconds the case took over all formats: reported, never asserted. */
  cpuMs: number;
  problems: string[];
}

const RUNS: { argv: string[]; check: (out: Captured) => string | undefined }[] = [
  { argv: ['check'], check: (o) => plainText(o) },
  { argv: ['check', '--format', 'json'], check: (o) => json(o) },
  { argv: ['check', '--format', 'sarif'], check: (o) => json(o, (v) => (v as { version?: string }).version === '2.1.0' || 'not SARIF 2.1.0') },
  { argv: ['report'], check: (o) => plainText(o) },
  { argv: ['report', '--format', 'json'], check: (o) => json(o) },
  { argv: ['report', '--format', 'markdown'], check: (o) => plainText(o) },
  { argv: ['render'], check: (o) => svg(o) },
];

interface Captured {
  status: number;
  stdout: string;
  stderr: string;
}

/** Text for a terminal: no control character but the line break (and tabs) may reach it. */
function plainText(o: Captured): string | undefined {
  const bad = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/.exec(o.stdout);
  return bad ? `a raw control character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} in the output` : undefined;
}

function json(o: Captured, more?: (v: unknown) => true | string): string | undefined {
  try {
    const v = JSON.parse(o.stdout) as unknown;
    const extra = more?.(v);
    return extra === true || extra === undefined ? undefined : extra;
  } catch (err) {
    return `output is not JSON (${(err as Error).message.slice(0, 80)})`;
  }
}

function svg(o: Captured): string | undefined {
  if (o.status === 2 && /no system to render/.test(o.stderr)) return undefined;
  if (!o.stdout.startsWith('<svg') || !o.stdout.trimEnd().endsWith('</svg>')) return 'output is not an SVG document';
  const valid = XMLValidator.validate(o.stdout);
  return valid === true ? undefined : `the SVG is not well-formed XML (${valid.err.msg})`;
}

async function sysd(argv: string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...nodeIo, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const status = await run(argv, io);
  return { status, stdout, stderr };
}

/** Runs one case through every format and lists what went wrong. */
export async function runCase(seed: number, dir: string, withRender = true): Promise<CaseReport> {
  const cpu = process.cpuUsage();
  const { base, text } = mutateCase(exampleCorpus(), seed);
  const file = join(dir, `case-${seed}.sysd`);
  writeFileSync(file, text);
  const problems: string[] = [];
  for (const { argv, check } of RUNS) {
    if (argv[0] === 'render' && !withRender) continue;
    const what = argv.join(' ');
    let out: Captured;
    try {
      out = await sysd([...argv, file]);
    } catch (err) {
      problems.push(`${what}: threw ${(err as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
      continue;
    }
    const renderWithoutSystem = argv[0] === 'render' && out.status === 2 && /no system to render/.test(out.stderr);
    if (out.status !== 0 && out.status !== 1 && !renderWithoutSystem) problems.push(`${what}: exit status ${out.status}: ${out.stderr.slice(0, 200)}`);
    if (/internal/i.test(out.stderr)) problems.push(`${what}: ${out.stderr.slice(0, 200)}`);
    const bad = check(out);
    if (bad) problems.push(`${what}: ${bad}`);
  }
  rmSync(file, { force: true });
  const used = process.cpuUsage(cpu);
  return { seed, base, bytes: text.length, cpuMs: Math.round((used.user + used.system) / 1000), problems };
}

async function main(argv: string[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sysd-fuzz-'));
  try {
    const seeds =
      argv[0] === '--case'
        ? [Number(argv[1])]
        : Array.from({ length: Number(argv[2]) }, (_, k) => caseSeed(Number(argv[0]), Number(argv[1]) + k));
    const renderEvery = Number(process.env.SYSD_FUZZ_RENDER_EVERY ?? 1);
    for (const [k, seed] of seeds.entries()) {
      process.stdout.write(`${JSON.stringify({ start: seed })}\n`);
      const report = await runCase(seed, dir, k % renderEvery === 0);
      process.stdout.write(`${JSON.stringify(report)}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(3);
  });
}
