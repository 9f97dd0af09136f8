/**
 * The syntax index answers "what is at this offset" for hover, completion,
 * quick fixes and the CLI's fixes. It finds a statement by binary search,
 * which is right only if statements are in source order and do not overlap;
 * this checks it against a plain scan on the examples and on token soup,
 * where recovery leaves partial statements.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from '../../grammar/parse';
import type { MemberNode } from '../../grammar/ast';
import { SyntaxIndex } from '../../core/syntax-index';
import { seededRandom } from '../../core/prng';

const WORDS = ['system', 's', '{', '}', 'service', 'a', 'b', '->', '~>', '|', ',', ';', ':', 'replicas', '3', '99.9%', '"x"', '"y {', '"z }', 'zone', 'region', 'lint', 'users', '\n', 'optional', 'cache', '"', '-> c'];
const inside = (r: { start: number; end: number }, o: number) => r.start <= o && o <= r.end;

/** The innermost statement at `offset` by a plain scan: what pathAt must agree with. */
function scan(members: MemberNode[], offset: number): MemberNode | undefined {
  let found: MemberNode | undefined;
  for (;;) {
    const m = members.find((x) => inside(x.range, offset));
    if (!m) return found;
    found = m;
    if (m.kind !== 'group') return m;
    members = m.members;
  }
}

test('pathAt finds the statement a plain scan finds, at every offset', () => {
  const random = seededRandom(5);
  const texts = readdirSync('examples').map((f) => readFileSync(`examples/${f}`, 'utf8'));
  for (let k = 0; k < 1500; k++) {
    const parts = ['system s {'];
    for (let i = 0, n = 1 + Math.floor(random() * 50); i < n; i++) parts.push(WORDS[Math.floor(random() * WORDS.length)]);
    texts.push(parts.join(random() < 0.5 ? ' ' : ''));
  }
  for (const text of texts) {
    const ast = parse(text).ast;
    const index = new SyntaxIndex(ast);
    for (let offset = 0; offset <= text.length; offset++) {
      const system = ast.systems.find((s) => inside(s.range, offset));
      if (!system) continue;
      const want = scan(system.members, offset);
      const path = index.pathAt(offset);
      const got = want?.kind === 'property' ? path.property : (path.component ?? path.edge ?? path.lint ?? path.groups.at(-1));
      assert.equal(got, want, `at ${offset} of ${JSON.stringify(text)}`);
    }
  }
});
