/**
 * No regular expression of the project may backtrack without bound (issue 16,
 * items 2 and 9). Two checks: every pattern in the sources and in syntaxes/
 * is read for a repeated group that itself holds a repetition (the shape of
 * exponential backtracking), and the editor patterns that run on whole lines
 * the user types are run on hostile lines of a million characters in a
 * worker. The worker's timeout is only a safety net that turns a hang into
 * a failure: the linear patterns answer in milliseconds, the quadratic ones
 * they replaced would need many minutes for such a line.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
const config = JSON.parse(readFileSync(join(root, 'syntaxes/language-configuration.json'), 'utf8'));

/** A hang becomes a failure after this long; see the file comment. */
const SAFETY_NET_MS = 60_000;

/** Whether `pattern` matches the line built by `build` (a function's source), run in a worker. */
function matchInWorker(pattern: string, build: string): Promise<boolean> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const line = (${build})();
    parentPort.postMessage(new RegExp(workerData).test(line));`;
  const worker = new Worker(code, { eval: true, workerData: pattern });
  return new Promise<boolean>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`/${pattern}/ did not finish on ${build}: it backtracks without bound`));
    }, SAFETY_NET_MS);
    worker.once('message', (matched: boolean) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(matched);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * What increaseIndentPattern means, in plain code: some '{' on the line has
 * no '//' before it and no '}' or '"' after it.
 */
function opensBlock(line: string): boolean {
  const comment = line.indexOf('//');
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '{' || (comment >= 0 && comment < i)) continue;
    if (!/[}"]/.test(line.slice(i + 1))) return true;
  }
  return false;
}

describe('increaseIndentPattern (16.9)', () => {
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);

  test('means what it says on every short line of the characters that matter', () => {
    const alphabet = ['{', '}', '"', '/', 'a', ' '];
    let lines = [''];
    for (let length = 1; length <= 7; length++) {
      lines = lines.flatMap((line) => alphabet.map((c) => line + c));
      for (const line of lines) assert.equal(increase.test(line), opensBlock(line), JSON.stringify(line));
    }
  });

  for (const [name, build] of [
    ['braces, then quotes', `() => '{'.repeat(500_000) + '"'.repeat(500_000)`],
    ['braces, then one closing brace', `() => '{'.repeat(999_999) + '}'`],
    ['a closing brace after every ten braces', `() => ('}' + '{'.repeat(10)).repeat(90_909) + '"'`],
    ['slashes and braces', `() => '/{'.repeat(500_000) + '"'`],
  ]) {
    test(`finishes on a million characters: ${name}`, async () => {
      assert.equal(await matchInWorker(config.indentationRules.increaseIndentPattern, build), false);
    });
  }
});

// ---- Every pattern of the project, read for nested repetition. ----

/** The repeated groups of `source` that hold an unbounded repetition themselves (`(a+b)*`). */
export function nestedRepetitions(source: string): string[] {
  const found: string[] = [];
  const groups: { start: number; repeats: boolean }[] = [{ start: 0, repeats: false }];
  const unboundedAt = (j: number) => source[j] === '*' || source[j] === '+' || /^\{\d*,\}/.test(source.slice(j, j + 12));
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') groups.push({ start: i, repeats: false });
    else if (c === ')' && groups.length > 1) {
      const group = groups.pop()!;
      const outer = groups[groups.length - 1];
      if (unboundedAt(i + 1) && group.repeats) found.push(source.slice(group.start, i + 2));
      if (unboundedAt(i + 1) || group.repeats) outer.repeats = true;
    } else if (unboundedAt(i)) groups[groups.length - 1].repeats = true;
  }
  return found;
}

/**
 * Nested repetitions that were read and found linear, each with the reason.
 * A new one fails the test below until it is read and added here.
 */
const REVIEWED: Record<string, string> = {
  '(?:-[A-Za-z0-9_]+)*': "each repetition starts with '-', which the inner class cannot match: one way to split a name",
  '(-[A-Za-z0-9_]+)*': "each repetition starts with '-', which the inner class cannot match: one way to split a name",
  '(?:-[a-z0-9]+)*': "each repetition starts with '-', which the inner class cannot match: one way to split a code",
  '(?:[;,{}][ \\t]*)*': 'each repetition starts with a separator, which the inner class of blanks cannot match',
  '(?:[^"\\\\\\r\\n{}]|\\\\.|\\}(?=[ \\t]*[^ \\t\\r\\n]))*': "the alternatives start with different characters; the lookahead after a '}' scans only the blanks up to the next character",
};

/** Every regular expression in the project's sources: literals and `new RegExp('…')` of a literal string. */
function sourcePatterns(): { where: string; source: string }[] {
  const out: { where: string; source: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      const rel = join(dir, name);
      if (statSync(join(root, rel)).isDirectory()) walk(rel);
      else if (/\.(ts|mts|mjs|js)$/.test(name)) {
        const file = ts.createSourceFile(rel, readFileSync(join(root, rel), 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node) => {
          if (ts.isRegularExpressionLiteral(node)) out.push({ where: rel, source: node.text.slice(1, node.text.lastIndexOf('/')) });
          if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp' && node.arguments?.[0] && ts.isStringLiteralLike(node.arguments[0])) {
            out.push({ where: rel, source: node.arguments[0].text });
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
      }
    }
  };
  // Every folder of code, whoever adds one; tests, fixtures and generated output are not run on user text.
  const skip = new Set(['node_modules', 'dist', 'test', 'docs', 'examples', 'syntaxes', 'test-results']);
  for (const dir of readdirSync(root)) {
    if (dir.startsWith('.') || skip.has(dir) || !statSync(join(root, dir)).isDirectory()) continue;
    walk(dir);
  }
  return out;
}

/** Every pattern string of the editor files: TextMate rules and the language configuration. */
function editorPatterns(): { where: string; source: string }[] {
  const out: { where: string; source: string }[] = [];
  const keys = new Set(['match', 'begin', 'end', 'while', 'start', 'wordPattern', 'increaseIndentPattern', 'decreaseIndentPattern', 'beforeText', 'afterText']);
  const visit = (where: string, value: unknown) => {
    if (Array.isArray(value)) value.forEach((v) => visit(where, v));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (typeof v === 'string' && keys.has(key)) out.push({ where, source: v });
        else visit(where, v);
      }
    }
  };
  for (const name of readdirSync(join(root, 'syntaxes')).filter((n) => n.endsWith('.json'))) {
    visit(`syntaxes/${name}`, JSON.parse(readFileSync(join(root, 'syntaxes', name), 'utf8')));
  }
  return out;
}

describe('every regular expression of the project (16.2)', () => {
  test('the reader finds the shape of exponential backtracking', () => {
    // The sysd-ignore pattern that took minutes on 40 spaces.
    assert.deepEqual(nestedRepetitions('^[ \\t]*\\/\\/\\s*sysd-ignore\\b((?:[\\s,]+[a-z-]*)*)$'), ['(?:[\\s,]+[a-z-]*)*']);
    assert.deepEqual(nestedRepetitions('^(a|b)*c[(+)]*\\(x+\\)*$'), []);
  });

  test('no pattern repeats a repetition, except the reviewed linear ones', () => {
    const patterns = [...sourcePatterns(), ...editorPatterns()];
    assert.ok(patterns.length > 100, `only ${patterns.length} patterns found: the reader is broken`);
    const unreviewed = patterns.flatMap(({ where, source }) => nestedRepetitions(source).filter((n) => !(n in REVIEWED)).map((n) => `${where}: ${n} in /${source}/`));
    assert.deepEqual(unreviewed, []);
  });
});
