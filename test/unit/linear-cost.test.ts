/**
 * `sysd check` costs time linear in the size of the model. These tests count
 * units of work, never time (the machine may be busy): reads of the syntax
 * tree's arrays while every finding's fixes are computed, and characters
 * copied while `// sysd-ignore` comments are matched to their statements.
 * Each bound is a small multiple of the input; the quadratic code they
 * replace did about n² of the same work.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../core/index';
import { fixesFor } from '../../core/fixes';
import { LineIndex } from '../../core/line-index';
import { collectIgnores } from '../../core/model/ignores';
import { parse } from '../../grammar/parse';

/** `array` with every element read counted in `counter.reads`. */
function counted<T>(array: T[], counter: { reads: number }): T[] {
  return new Proxy(array, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) counter.reads++;
      return Reflect.get(target, key, receiver);
    },
  });
}

function fixEveryFinding(text: string, wrap: (analysis: ReturnType<typeof analyseText>) => void): number {
  const analysis = analyseText(text);
  wrap(analysis);
  const lines = new LineIndex(text);
  let fixes = 0;
  for (const d of analysis.diagnostics) fixes += fixesFor({ text, lines, analysis }, d).length;
  return fixes;
}

describe('fixes cost does not grow with the size of the block a finding sits in', () => {
  const N = 3000;

  test(`${N} unreachable services: the system's members are read a bounded number of times per finding`, () => {
    const text = `system s {\n  users u { rps: 10 }\n  u -> s0\n${Array.from({ length: N }, (_, i) => `  service s${i}`).join('\n')}\n}\n`;
    const counter = { reads: 0 };
    const fixes = fixEveryFinding(text, (a) => {
      a.ast.systems[0].members = counted(a.ast.systems[0].members, counter);
    });
    assert.ok(fixes >= N, `every unreachable service gets its fixes (${fixes})`);
    // A binary search per finding plus one look for the lint block: about n log n; a scan per finding was n².
    assert.ok(counter.reads < 40 * N, `${counter.reads} reads of ${N + 2} members for ${N} findings`);
  });

  test(`${N} duplicated properties: the block's properties are read a bounded number of times per finding`, () => {
    const text = `system s {\n  users u { rps: 10 }\n  service a { ${Array.from({ length: N }, () => 'replicas: 2').join('; ')} }\n  u -> a\n}\n`;
    const counter = { reads: 0 };
    fixEveryFinding(text, (a) => {
      const component = a.ast.systems[0].members.find((m) => m.kind === 'component' && m.name?.text === 'a');
      assert.ok(component?.kind === 'component');
      component.properties = counted(component.properties, counter);
    });
    assert.ok(counter.reads < 40 * N, `${counter.reads} reads of ${N} properties for ${N - 1} findings`);
  });
});

describe('sysd-ignore comments are matched in one pass', () => {
  test('8,000 consecutive sysd-ignore lines copy no more text than the file holds', () => {
    const N = 8000;
    const text = `system s {\n  users u { rps: 10 }\n${Array.from({ length: N }, () => '  // sysd-ignore spof').join('\n')}\n  service a\n  u -> a\n}\n`;
    const { ast } = parse(text);
    const slice = String.prototype.slice;
    let copied = 0;
    String.prototype.slice = function (this: string, ...args: [number?, number?]) {
      const out = slice.apply(this, args);
      copied += out.length;
      return out;
    };
    let ignores;
    try {
      ignores = collectIgnores(ast.systems[0], ast.comments, text, []);
    } finally {
      String.prototype.slice = slice;
    }
    assert.equal(ignores.length, N, 'every comment silences the service after the run');
    assert.ok(ignores.every((i) => text.slice(i.range.start, i.range.end).startsWith('service a')));
    // Slicing the rest of the run for each comment copied about n²/2 lines (≈ 700 million characters).
    assert.ok(copied <= 2 * text.length, `${copied} characters copied for a ${text.length}-character file`);
  });

  test('an ignore separated from its statement by code is not applied; by comments and blank lines it is', () => {
    const text = `system s {\n  users u { rps: 10 }\n  // sysd-ignore spof\n  /* note */\n\n  // more\n  service a\n  // sysd-ignore spof\n  u -> a\n  service b\n}\n`;
    const { ast } = parse(text);
    const ignores = collectIgnores(ast.systems[0], ast.comments, text, []);
    assert.deepEqual(ignores.map((i) => text.slice(i.range.start, i.range.end)), ['service a', 'u -> a']);
  });
});
