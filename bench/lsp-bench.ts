/**
 * Language server benchmark, over stdio like an editor: on a generated file
 * of 1,000 components it measures keystroke → published diagnostics (the
 * debounce included), and hover, completion and definition round trips.
 * Then, on 10,000 components, hovers sent while an edit's analysis runs (in
 * the analysis worker; the main thread must answer them from the last good
 * analysis at once) and keystroke → diagnostics.
 * Prints a table; exits 1 when a target of the issue is missed.
 *
 *   node --import tsx bench/lsp-bench.ts [--components 1000] [--runs 40] [--big 10000] [--big-runs 8]
 */
import { spawn } from 'node:child_process';
import { SERVER_EXEC_ARGV } from '../server/runtime-flags';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COMPONENTS = arg('components', 1000);
const RUNS = arg('runs', 40);
const BIG = arg('big', 10_000);
const BIG_RUNS = arg('big-runs', 8);

/** A tree of services under one load balancer: each service calls up to ten others, all with capacity and replicas. */
export function generate(count: number): string {
  const lines = ['system big "Generated" {', '  slo: 99.9%', '  zone a { availability: 99.99% }', '  zone b { availability: 99.99% }', '  users web { rps: 1k }', '  lb front { replicas: 2; zones: a, b }'];
  for (let i = 0; i < count - 2; i++) lines.push(`  service svc-${i} { replicas: 2; capacity: 5k rps; latency: 2ms; zones: a, b }`);
  lines.push('  web -> front');
  for (let i = 0; i < Math.min(10, count - 2); i++) lines.push(`  front -> svc-${i}`);
  for (let i = 10; i < count - 2; i++) lines.push(`  svc-${Math.floor(i / 10) - 1} -> svc-${i}`);
  lines.push('}', '');
  return lines.join('\n');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const bundled = existsSync(`${ROOT}dist/server.js`) && !process.argv.includes('--source');

/** The bundled server (or the source with --source) over stdio, with the V8 flags the extension gives it, initialised. */
async function startServer() {
  const args = [...SERVER_EXEC_ARGV, ...(bundled ? ['dist/server.js', '--stdio'] : ['--import', 'tsx', 'server/main.ts', '--stdio'])];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  /** When each version's diagnostics were published, and how long its analysis took. */
  const published = new Map<number, number>();
  const analysisMs = new Map<number, number>();
  connection.onNotification('sysd/status', (p: { version: number; analysisMs: number }) => analysisMs.set(p.version, p.analysisMs));
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.set(p.version ?? -1, performance.now()));
  connection.onNotification('window/logMessage', (p: { message: string }) => process.env.SYSD_BENCH_LOG && console.error(p.message));
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  const stop = async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    setTimeout(() => child.kill(), 200).unref();
    connection.dispose();
  };
  return { connection, published, analysisMs, stop };
}

/** The hovers sent while one edit of the big document is analysed, and that edit's keystroke → diagnostics. */
async function bigDocument(): Promise<{ hovers: number[]; keystroke: number[]; late: number; first: number; analysis: number[] }> {
  const { connection, published, analysisMs, stop } = await startServer();
  const uri = 'file:///bench/bigger.sysd';
  const text = generate(BIG);
  const lines = text.split('\n');
  const opened = performance.now();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sysd', version: 1, text } });
  while (!published.has(1)) await new Promise((r) => setTimeout(r, 5));
  const first = published.get(1)! - opened;

  const hovers: number[] = [];
  const keystroke: number[] = [];
  const analysis: number[] = [];
  let late = 0;
  const target = lines.findIndex((l) => l.includes('service svc-5 '));
  for (let i = 0; i < BIG_RUNS; i++) {
    const version = i + 2;
    const character = lines[target].indexOf('latency: 2') + 'latency: 2'.length;
    const insert = i % 2 === 0;
    const range = { start: { line: target, character }, end: { line: target, character: insert ? character : character + 1 } };
    const sent = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? '5' : '' }] });
    // Hovers every 20 ms, at spread positions, until the edit's diagnostics are out: the ones answered
    // before them are the hovers "during the analysis" (the debounce included).
    for (let k = 0; !published.has(version); k++) {
      const line = 6 + ((k * 37 + i * 101) % (BIG - 2));
      const start = performance.now();
      await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 12 } });
      const end = performance.now();
      if (published.has(version) && published.get(version)! < end) late++;
      else hovers.push(end - start);
      await new Promise((r) => setTimeout(r, 20));
    }
    keystroke.push(published.get(version)! - sent);
    if (analysisMs.has(version)) analysis.push(analysisMs.get(version)!);
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  return { hovers, keystroke, late, first, analysis };
}

async function main(): Promise<void> {
  const { connection, published, analysisMs, stop } = await startServer();

  const uri = 'file:///bench/big.sysd';
  const text = generate(COMPONENTS);
  const lines = text.split('\n');
  const waitFor = async (version: number, timeout = 30_000) => {
    const start = performance.now();
    while (!published.has(version)) {
      if (performance.now() - start > timeout) throw new Error(`no diagnostics for version ${version}`);
      await new Promise((r) => setTimeout(r, 1));
    }
    return published.get(version)!;
  };
  const opened = performance.now();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sysd', version: 1, text } });
  const firstAnalysis = (await waitFor(1)) - opened;

  // Keystrokes after a pause: type one character into a latency value, then wait for its diagnostics.
  let version = 1;
  const keystroke: number[] = [];
  const analysis: number[] = [];
  const target = lines.findIndex((l) => l.includes('service svc-5 '));
  for (let i = 0; i < RUNS; i++) {
    const character = lines[target].indexOf('latency: 2') + 'latency: 2'.length;
    const insert = i % 2 === 0;
    const range = insert
      ? { start: { line: target, character }, end: { line: target, character } }
      : { start: { line: target, character }, end: { line: target, character: character + 1 } };
    version++;
    const sent = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? '5' : '' }] });
    keystroke.push((await waitFor(version)) - sent);
    if (analysisMs.has(version)) analysis.push(analysisMs.get(version)!);
    await new Promise((r) => setTimeout(r, 1100));
  }

  // A burst of typing: ten keystrokes 60 ms apart; only the last one's diagnostics matter.
  const burst: number[] = [];
  for (let round = 0; round < Math.max(3, RUNS / 10); round++) {
    let sent = 0;
    for (let k = 0; k < 10; k++) {
      const character = lines[target].indexOf('latency: 2') + 'latency: 2'.length;
      const insert = k % 2 === 0;
      const range = insert ? { start: { line: target, character }, end: { line: target, character } } : { start: { line: target, character }, end: { line: target, character: character + 1 } };
      version++;
      sent = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? '5' : '' }] });
      if (k < 9) await new Promise((r) => setTimeout(r, 60));
    }
    burst.push((await waitFor(version)) - sent);
    await new Promise((r) => setTimeout(r, 1100));
  }

  // Requests on a settled document, at positions spread over the file.
  const timed = async (method: string, make: (i: number) => unknown) => {
    const samples: number[] = [];
    for (let i = 0; i < RUNS * 3; i++) {
      const params = make(i);
      const start = performance.now();
      await connection.sendRequest(method, params);
      samples.push(performance.now() - start);
    }
    return samples;
  };
  const serviceLine = (i: number) => 6 + ((i * 37) % (COMPONENTS - 2));
  const edgeLine = (i: number) => lines.findIndex((l) => l.startsWith('  web -> front')) + 1 + ((i * 53) % (COMPONENTS - 3));
  const hover = await timed('textDocument/hover', (i) => ({ textDocument: { uri }, position: { line: serviceLine(i), character: 12 } }));
  const completion = await timed('textDocument/completion', (i) => ({ textDocument: { uri }, position: { line: edgeLine(i), character: lines[edgeLine(i)].indexOf('->') + 3 } }));
  const definition = await timed('textDocument/definition', (i) => ({ textDocument: { uri }, position: { line: edgeLine(i), character: lines[edgeLine(i)].length - 1 } }));

  const rows: [string, number[], number][] = [
    ['keystroke → diagnostics (after a pause)', keystroke, 300],
    ['  of which core analysis (analyseText)', analysis, Infinity],
    ['last keystroke of a burst → diagnostics', burst, Infinity],
    ['hover', hover, 50],
    ['completion after ->', completion, 50],
    ['definition', definition, 50],
  ];
  console.log(`\nsysd language server, ${COMPONENTS} components, ${text.length.toLocaleString()} characters, server from ${bundled ? 'dist/server.js' : 'source'}`);
  console.log(`first analysis after didOpen: ${firstAnalysis.toFixed(0)} ms\n`);
  console.log('| measure | runs | p50 ms | p95 ms | max ms | target p95 | |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  let missed = false;
  for (const [name, samples, limit] of rows) {
    const p95 = percentile(samples, 95);
    const ok = p95 <= limit;
    if (!ok) missed = true;
    console.log(`| ${name} | ${samples.length} | ${percentile(samples, 50).toFixed(1)} | ${p95.toFixed(1)} | ${Math.max(...samples).toFixed(1)} | ${Number.isFinite(limit) ? `≤ ${limit}` : '—'} | ${ok ? '✓' : '✗'} |`);
  }
  await stop();

  if (BIG > 0) {
    const big = await bigDocument();
    console.log(`\nsysd language server, ${BIG.toLocaleString()} components; first analysis after didOpen: ${big.first.toFixed(0)} ms`);
    console.log(`(hovers every 20 ms from each keystroke until its diagnostics; ${big.late} of them were answered only after the diagnostics)\n`);
    console.log('| measure | runs | p50 ms | p95 ms | max ms | target p95 | |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    const bigRows: [string, number[], number][] = [
      [`hover during an analysis (${BIG.toLocaleString()})`, big.hovers, 50],
      [`keystroke → diagnostics (${BIG.toLocaleString()})`, big.keystroke, Infinity],
      ['  of which core analysis (analyseText, in the worker)', big.analysis, Infinity],
    ];
    for (const [name, samples, limit] of bigRows) {
      const p95 = percentile(samples, 95);
      const ok = samples.length > 0 && p95 <= limit;
      if (!ok) missed = true;
      console.log(`| ${name} | ${samples.length} | ${percentile(samples, 50).toFixed(1)} | ${p95.toFixed(1)} | ${Math.max(...samples).toFixed(1)} | ${Number.isFinite(limit) ? `≤ ${limit}` : '—'} | ${ok ? '✓' : '✗'} |`);
    }
  }
  process.exitCode = missed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
