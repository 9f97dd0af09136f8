/**
 * The completion context read by the grammar (server/completion-context.ts),
 * without a server: the cut the last analysis allows must never change what
 * is expected at the cursor, and it must keep the work per keystroke to a few
 * lines whatever the size of the file (issue 16.6, issue 13.2).
 */
import { describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import assert from 'node:assert/strict';
import { parse } from '../../grammar/parse';
import { seededRandom } from '../../core/prng';
import { completionContext, windowText } from '../../server/completion-context';
import { caseSeed, exampleCorpus, mutateCase } from '../fuzz/mutate';

const corpus = exampleCorpus();
/** A hang becomes a failure after this long; the answer takes well under a second. */
const SAFETY_NET_MS = 60_000;
const previousOf = (text: string) => ({ text, ast: parse(text).ast });
const strip = (c: ReturnType<typeof completionContext>) => ({ ...c, statement: c.statement.map((t) => `${t.type}:${t.text}@${t.start}`) });

/** A file of `count` services in one system, as the LSP bench generates. */
function big(count: number): string {
  const lines = ['system big {', '  users web { rps: 1k }'];
  for (let i = 0; i < count; i++) lines.push(`  service svc-${i} { replicas: 2; capacity: 5k rps; zones: a, b }`);
  for (let i = 1; i < count; i++) lines.push(`  svc-${Math.floor(i / 10)} -> svc-${i}`);
  lines.push('}', '');
  return lines.join('\n');
}

describe('completion context', () => {
  test('cutting the text with the last analysis never changes the context (seeded, 300 cases)', () => {
    const RUN_SEED = Number(process.env.SYSD_SEED ?? 1613);
    for (let i = 0; i < 300; i++) {
      const seed = caseSeed(RUN_SEED, i);
      const { base, text } = mutateCase(corpus, seed, 3);
      const rand = seededRandom(seed);
      // The last analysis is of the example before the edits, of another edit of it, or of the text itself.
      const pick = rand();
      const previous = previousOf(pick < 0.4 ? corpus.find((c) => c.name === base)!.text : pick < 0.6 ? mutateCase(corpus, seed ^ 1, 2).text : text);
      for (let k = 0; k < 5; k++) {
        const offset = k === 0 ? 0 : Math.floor(rand() * (text.length + 1));
        const cut = completionContext(text, offset, previous);
        const whole = completionContext(text, offset);
        assert.deepEqual(strip(cut), strip(whole), `seed ${seed} (case ${i} of run ${RUN_SEED}), offset ${offset}`);
      }
    }
  });

  test('the parser reads a few lines, not the file, when the last analysis is at hand', () => {
    const text = big(10_000);
    const previous = previousOf(text);
    const edited = text.replace('  svc-999 -> svc-9999\n', '  svc-999 -> svc-9999\n  svc-1 -> \n');
    const cursor = edited.indexOf('svc-1 -> \n') + 'svc-1 -> '.length;
    for (const offset of [cursor, edited.indexOf('svc-5000 {') + 12, 20]) {
      const window = windowText(edited, offset, previous);
      assert.ok(window.text.length < 1_000, `${window.text.length} characters read at offset ${offset}`);
      assert.equal(window.text.length + window.shift, offset);
    }
    const context = completionContext(edited, cursor, previous);
    assert.deepEqual(context.statement.map((t) => t.text), ['svc-1', '->']);
    assert.equal(context.system, 'big');
  });

  test('the same answers as the whole parse at every offset of an example', () => {
    const text = corpus.find((c) => c.name === 'checkout.sysd')!.text;
    const previous = previousOf(text);
    for (let offset = 0; offset <= text.length; offset++) {
      assert.deepEqual(strip(completionContext(text, offset, previous)), strip(completionContext(text, offset)), `offset ${offset}`);
    }
  });
});

describe('completion on a 5 MB file (16.6)', () => {
  test('is answered: the work per keystroke does not grow with the lines before the cursor', async () => {
    const text = big(50_000);
    assert.ok(text.length > 4_000_000, `${text.length} characters`);
    // A name being typed on a new line at the end of the system: the old scanner searched the whole prefix once per line above it.
    const offset = text.lastIndexOf('}');
    const edited = `${text.slice(0, offset)}  svc-4999\n${text.slice(offset)}`;
    // A worker does not inherit the test's TypeScript loader: it registers tsx, then loads the TypeScript file.
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./completion-scale.worker.ts', import.meta.url).href)}); });`;
    const worker = new Worker(boot, { eval: true, workerData: { text: edited, offset: offset + '  svc-4999'.length } });
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = await new Promise<{ isIncomplete: boolean; labels: string[] }>((resolve, reject) => {
        timer = setTimeout(() => reject(new Error('completion did not finish: its work grows with the file')), SAFETY_NET_MS);
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      assert.ok(answer.labels.includes('service'), answer.labels.slice(0, 20).join(','));
      // 50,000 names are too many to send: the ones that fit the word typed, and the list says it is incomplete.
      assert.ok(answer.labels.includes('svc-49999') && !answer.labels.includes('svc-1'), answer.labels.slice(0, 40).join(','));
      assert.equal(answer.isIncomplete, true);
    } finally {
      clearTimeout(timer);
      await worker.terminate();
    }
  });
});
