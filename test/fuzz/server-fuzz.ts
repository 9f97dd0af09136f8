/**
 * Seeded fuzzing of the language server over stdio, as an editor drives it:
 * each case opens a mutated example (test/fuzz/mutate.ts), types a few
 * random edits into it, and after each edit asks for completion, hover and
 * code actions at random positions, the first line and the inside of
 * comments included. A case fails when a request is not answered within its
 * safety net, is answered with an error, when a feature had to be caught by
 * the server's guard (a logged `failed`), when the server exits, or when it
 * holds more than 1 GB. Every failure names its seeds, and one case replays
 * alone: `node --import tsx test/fuzz/server-fuzz.ts --seed RUN --case I`.
 *
 * `npm test` runs a few hundred cases (test/lsp/server-fuzz.test.ts); the
 * nightly size is this file run as a script:
 *   node --import tsx test/fuzz/server-fuzz.ts [--cases 5000] [--seed N]
 */
import { readFileSync } from 'node:fs';
import { seededRandom } from '../../core/prng';
import { TestClient, positionOf } from '../lsp/harness';
import { caseSeed, exampleCorpus, mutateCase, mutateOnce, type Random } from './mutate';

/** A request not answered after this long is a hang; healthy answers take milliseconds. */
export const REQUEST_SAFETY_NET_MS = 60_000;
/** The server's first analysis also starts its worker threads, slow on a loaded machine. */
const START_SAFETY_NET_MS = 180_000;
/** The server's resident memory may not exceed this. */
export const MAX_RSS_BYTES = 1024 * 1024 * 1024;

export interface FuzzReport {
  cases: number;
  requests: number;
  longestCaseMs: number;
  longestCase: string;
  longestRequestMs: number;
  longestRequest: string;
  maxRssBytes: number;
}

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const net = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${REQUEST_SAFETY_NET_MS} ms`)), REQUEST_SAFETY_NET_MS);
  });
  return Promise.race([promise, net]).finally(() => clearTimeout(timer));
}

/** The server's resident set, from /proc (Linux); 0 where there is none. */
function rssOf(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Offsets worth asking at: anywhere, the first line, the end, and inside comments. */
function offsetIn(text: string, rand: Random): number {
  const pick = rand();
  if (pick < 0.15) return Math.floor(rand() * (Math.min(text.indexOf('\n') >>> 0, text.length) + 1));
  if (pick < 0.3) {
    const comments = [...text.matchAll(/\/\/|\/\*/g)];
    if (comments.length > 0) return Math.min(text.length, comments[Math.floor(rand() * comments.length)].index! + 2 + Math.floor(rand() * 12));
  }
  if (pick < 0.35) return text.length;
  return Math.floor(rand() * (text.length + 1));
}

export async function runServerFuzz(options: { runSeed: number; cases: number; only?: number; log?: (line: string) => void }): Promise<FuzzReport> {
  const corpus = exampleCorpus();
  const client = await TestClient.start();
  const report: FuzzReport = { cases: 0, requests: 0, longestCaseMs: 0, longestCase: '', longestRequestMs: 0, longestRequest: '', maxRssBytes: 0 };
  try {
    // Warm up once, so the worker threads' start-up is not read as a hang of the first case.
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///fuzz/warm-up.sysd', languageId: 'sysd', version: 1, text: corpus[0].text } });
    await client.waitForDiagnostics('file:///fuzz/warm-up.sysd', 1, START_SAFETY_NET_MS);
    const first = options.only ?? 0;
    const last = options.only !== undefined ? options.only + 1 : options.cases;
    for (let i = first; i < last; i++) {
      const seed = caseSeed(options.runSeed, i);
      const where = `run seed ${options.runSeed}, case ${i} (case seed ${seed})`;
      const started = performance.now();
      const { text: opened } = mutateCase(corpus, seed);
      const rand = seededRandom(seed ^ 0x5eed);
      const uri = `file:///fuzz/case-${i}.sysd`;
      let text = opened;
      client.stderr.length = 0;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sysd', version: 1, text } });
      await within(client.waitForDiagnostics(uri, 1, REQUEST_SAFETY_NET_MS), `didOpen (${where})`);
      let version = 1;
      for (let edit = 0; edit < 3; edit++) {
        // An edit as a typist makes it: one ranged change, a mutation of the current text.
        const next = mutateOnce(text, rand, corpus[Math.floor(rand() * corpus.length)].text);
        let start = 0;
        while (start < text.length && start < next.length && text[start] === next[start]) start++;
        let endOld = text.length;
        let endNew = next.length;
        while (endOld > start && endNew > start && text[endOld - 1] === next[endNew - 1]) endOld--, endNew--;
        const range = { start: positionOf(text, start), end: positionOf(text, endOld) };
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: next.slice(start, endNew) }] });
        text = next;
        for (let k = 0; k < 3; k++) {
          const position = positionOf(text, offsetIn(text, rand));
          const diagnostics = client.diagnostics.get(uri)?.diagnostics ?? [];
          const asks: [string, unknown][] = [
            ['textDocument/completion', { textDocument: { uri }, position }],
            ['textDocument/hover', { textDocument: { uri }, position }],
            ['textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: diagnostics.slice(0, 20) } }],
          ];
          for (const [method, params] of asks) {
            const asked = performance.now();
            await within(client.request(method, params), `${method} at ${position.line}:${position.character} (${where})`);
            const took = performance.now() - asked;
            report.requests++;
            if (took > report.longestRequestMs) (report.longestRequestMs = took), (report.longestRequest = `${method}, ${where}`);
          }
        }
      }
      await within(client.waitForDiagnostics(uri, version, REQUEST_SAFETY_NET_MS), `diagnostics of the last edit (${where})`);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      if (client.exited !== undefined) throw new Error(`the server exited (${where})`);
      // Guarded handlers log what they caught; a feature that had to be caught is a bug even if the server lived.
      const caught = client.stderr.filter((m) => /sysd: \w+ failed|uncaught|unhandled/.test(m));
      if (caught.length > 0) throw new Error(`${caught[0].slice(0, 500)} (${where})`);
      const rss = rssOf(client.process.pid);
      report.maxRssBytes = Math.max(report.maxRssBytes, rss);
      if (rss > MAX_RSS_BYTES) throw new Error(`the server holds ${(rss / 2 ** 20).toFixed(0)} MB (${where})`);
      const took = performance.now() - started;
      if (took > report.longestCaseMs) (report.longestCaseMs = took), (report.longestCase = where);
      report.cases++;
      if (report.cases % 100 === 0) options.log?.(`${report.cases} cases, longest ${report.longestCaseMs.toFixed(0)} ms (${report.longestCase})`);
    }
  } finally {
    await client.stop();
  }
  return report;
}

export function describeReport(r: FuzzReport): string {
  return `${r.cases} cases, ${r.requests} requests; longest case ${r.longestCaseMs.toFixed(0)} ms (${r.longestCase}); `
    + `longest request ${r.longestRequestMs.toFixed(0)} ms (${r.longestRequest}); server at most ${(r.maxRssBytes / 2 ** 20).toFixed(0)} MB`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const runSeed = arg('seed') ?? Date.now() % 2 ** 31;
  const only = arg('case');
  console.log(`server fuzz, run seed ${runSeed}${only !== undefined ? `, case ${only} only` : ''}`);
  runServerFuzz({ runSeed, cases: arg('cases') ?? 5000, only, log: (line) => console.log(line) })
    .then((report) => console.log(describeReport(report)))
    .catch((error) => {
      console.error(String(error?.stack ?? error));
      process.exit(1);
    });
}
