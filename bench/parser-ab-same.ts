/**
 * `bench/parser-ab.ts same`: do two parsers give the same `parse()` output?
 * The inputs are every `.sysd` file of this tree, the model-like strings of
 * its tests and docs, generated models, and random mutations of them (tokens
 * inserted, text deleted), from a fixed seed. A grammar rewrite that is meant
 * to change nothing is checked against the commit before it this way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../core/prng';
import { generateSysd } from './generate';

type Parse = (text: string) => unknown;

/** The texts to compare on: files, quoted models in .ts and .md files, and generated models. */
export function sameInputs(root: string): string[] {
  const inputs: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.') || name === 'dist') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.sysd')) inputs.push(readFileSync(path, 'utf8'));
      else if (/\.(ts|md)$/.test(name)) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/`([^`]*)`|'((?:[^'\\\n]|\\.)*)'/g)) {
          const s = (m[1] ?? m[2] ?? '').replace(/\\n/g, '\n');
          if (/system|->|\{/.test(s)) inputs.push(s);
        }
        for (const m of text.matchAll(/```sysd\n([\s\S]*?)```/g)) inputs.push(m[1]);
      }
    }
  };
  walk(root);
  inputs.push(generateSysd({ components: 1000 }), generateSysd({ components: 200, alternatives: 20, zones: 3 }));
  return inputs;
}

const PIECES = ['->', '~>', ',', '|', ':', ';', '{', '}', '"', 'zone', 'region', 'service', 'rps', ' 5 ', '\n', 'lint', 'system', '6k', 'x', '"a"', '5x', ', b:', '-> ,', 'a ->', 'import'];

/** Compares `parse` of both sides on the inputs and `mutations` mutated ones; prints the first differences. */
export function compareOutputs(oldParse: Parse, newParse: Parse, inputs: string[], mutations: number): number {
  const random = seededRandom(12345);
  const pick = (n: number): number => Math.floor(random() * n);
  const small = inputs.filter((s) => s.length < 3000);
  const all = [...inputs];
  for (let i = 0; i < mutations; i++) {
    let s = small[pick(small.length)];
    for (let j = 1 + pick(4); j > 0; j--) {
      const at = pick(s.length + 1);
      const op = pick(3);
      if (op === 0) s = s.slice(0, at) + PIECES[pick(PIECES.length)] + s.slice(at);
      else if (op === 1) s = s.slice(0, at) + s.slice(at + 1 + pick(6));
      else s = `${s.slice(0, at)} ${PIECES[pick(PIECES.length)]} ${s.slice(at)}`;
    }
    all.push(s);
  }
  let differ = 0;
  for (const text of all) {
    const a = JSON.stringify(oldParse(text));
    const b = JSON.stringify(newParse(text));
    if (a === b) continue;
    if (differ++ < 3) {
      let i = 0;
      while (a[i] === b[i]) i++;
      console.log(`differs on:\n${text.slice(0, 600)}\n  old: …${a.slice(Math.max(0, i - 100), i + 200)}\n  new: …${b.slice(Math.max(0, i - 100), i + 200)}`);
    }
  }
  console.log(`${all.length} inputs, ${differ} differ`);
  return differ;
}
