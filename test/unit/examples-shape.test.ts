/**
 * The examples are the product's showcase and its broadest fixture: together
 * they must use the whole language (every kind, every property in every place
 * it is allowed, every statement form), and each must be valid. Kinds and keys
 * come from the model's own tables so this check cannot drift from the schema.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPONENT_KINDS } from '../../core/model/types';
import { PROPERTIES, type Place } from '../../core/model/schema';
import { parse } from '../../grammar/parse';
import { buildModel } from '../../core/model/build';
import { analyseText } from '../../core/index';
import type { FileNode, MemberNode } from '../../grammar/ast';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = join(root, 'examples');
const files = readdirSync(dir).filter((f) => f.endsWith('.sysd')).sort();
const texts = new Map(files.map((f) => [f, new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(dir, f)))]));

/** Everything the examples use, gathered from the parser's syntax tree. */
interface Usage {
  kinds: Set<string>;
  /** `place:key`, such as `edge:latency` or `group:availability`. */
  keys: Set<string>;
  features: Set<string>;
}

function collect(ast: FileNode, usage: Usage): void {
  const visit = (members: MemberNode[], place: 'system' | 'region' | 'zone') => {
    for (const member of members) {
      switch (member.kind) {
        case 'property':
          usage.keys.add(`${place === 'system' ? 'system' : 'group'}:${member.key.text}`);
          break;
        case 'lint':
          if (member.properties.length) usage.features.add('lint block');
          break;
        case 'component':
          usage.kinds.add(member.type.text);
          for (const p of member.properties) usage.keys.add(`component:${p.key.text}`);
          if (place === 'zone') usage.features.add('component in a zone');
          if (place === 'region') usage.features.add('component in a region');
          if (member.label) usage.features.add('component label');
          break;
        case 'group':
          if (member.type === 'zone' && place === 'region') usage.features.add('zone in a region');
          if (member.label) usage.features.add('group label');
          visit(member.members, member.type);
          break;
        case 'edge':
          for (const p of member.properties) usage.keys.add(`edge:${p.key.text}`);
          if (member.arrows.length >= 2) usage.features.add('chain');
          if (member.arrows.some((a) => a.type === '~>')) usage.features.add('async edge');
          if (member.steps.slice(1).some((s) => s.groups.length >= 2)) usage.features.add('fan-out');
          if (member.steps.some((s) => s.groups.some((g) => g.names.length >= 2))) usage.features.add('alternatives');
          if (member.label) usage.features.add('edge label');
          break;
      }
    }
  };
  for (const system of ast.systems) {
    if (system.label) usage.features.add('system label');
    visit(system.members, 'system');
  }
  for (const comment of ast.comments) {
    if (/^\/\/\s*sysd-ignore\s+\S/.test(comment.text)) usage.features.add('sysd-ignore');
    if (comment.block) usage.features.add('block comment');
  }
}

describe('examples', () => {
  test('the five named showcase models are there', () => {
    for (const name of ['checkout.sysd', 'three-tier.sysd', 'multi-region.sysd', 'event-pipeline.sysd', 'payments.sysd']) {
      assert.ok(files.includes(name), `examples/${name} is missing`);
    }
  });

  test('every example is non-empty UTF-8 with comments that explain it', () => {
    for (const [file, text] of texts) {
      assert.ok(text.trim().length > 200, `${file} is too short to show anything`);
      assert.match(text, /^\/\/ /m, `${file} has no comments`);
    }
  });

  for (const [file, text] of texts) {
    test(`${file} parses and builds without errors`, () => {
      const parsed = parse(text);
      const model = buildModel(parsed.ast, text);
      const errors = [...parsed.diagnostics, ...model.diagnostics].filter((d) => d.severity === 'error');
      assert.deepEqual(errors.map((d) => `${d.code} at ${d.range.start}: ${d.message}`), []);
      assert.ok(model.systems.length >= 1, `${file} declares no system`);
    });
  }

  const usage: Usage = { kinds: new Set(), keys: new Set(), features: new Set() };
  for (const text of texts.values()) collect(parse(text).ast, usage);

  test('together they declare every component kind', () => {
    assert.deepEqual(COMPONENT_KINDS.filter((k) => !usage.kinds.has(k)), []);
  });

  test('together they use every property in every place it is allowed', () => {
    const placeName: Record<Place, string> = { system: 'system', group: 'group', component: 'component', edge: 'edge' };
    const missing = PROPERTIES.flatMap((spec) => spec.places.map((place) => `${placeName[place]}:${spec.key}`)).filter(
      (key) => !usage.keys.has(key),
    );
    assert.deepEqual(missing, []);
  });

  test('together they use every statement form of the language', () => {
    const wanted = [
      'chain', 'fan-out', 'alternatives', 'async edge', 'edge label', 'component label', 'group label',
      'system label', 'lint block', 'sysd-ignore', 'zone in a region', 'component in a zone',
      'component in a region', 'block comment',
    ];
    assert.deepEqual(wanted.filter((f) => !usage.features.has(f)), []);
  });

  test('checkout.sysd is the complete example of the language reference', () => {
    const text = texts.get('checkout.sysd')!;
    assert.match(text, /^\/\/ Checkout, as it runs today\.\nsystem checkout "Checkout" \{/);
    assert.match(text, /api -> events ~> fulfil\n\}\n$/);
  });
});

/*
 * No example has an error: the language reference's own example
 * (checkout.sysd, copied verbatim) sizes 'fulfil' at 6 × 1.5k rps for the
 * whole 6k rps peak that reaches it through the queue (docs/language.md §7).
 */
const EXPECTED_ERRORS: Record<string, string[]> = {};

describe('examples under full analysis', () => {
  for (const [file, text] of texts) {
    test(`${file} has only its expected errors, and a figure for every system`, () => {
      const result = analyseText(text);
      const errors = result.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => `${d.code} ${text.slice(d.range.start, d.range.end)}`);
      assert.deepEqual(errors, EXPECTED_ERRORS[file] ?? []);
      assert.ok(result.systems.length >= 1);
      for (const system of result.systems) assert.equal(typeof system.availability?.value, 'number', `${file}: ${system.name} has no availability`);
    });
  }

  test('every system of the showcase meets its availability objective', () => {
    for (const [file, text] of texts) {
      for (const system of analyseText(text).systems) {
        if (system.slo === undefined) continue;
        assert.equal(system.sloVerdict, 'met', `${file}: ${system.name} computes ${system.availability?.value} < slo ${system.slo}`);
      }
    }
  });

  test('payments.sysd: the sysd-ignore comments silence what they name', () => {
    const codes = analyseText(texts.get('payments.sysd')!).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('stateful-scale-out'), 'settlement is marked sysd-ignore stateful-scale-out');
    assert.ok(!codes.includes('zone-spof'), 'the region is marked sysd-ignore zone-spof');
  });
});
