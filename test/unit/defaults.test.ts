/**
 * One declaration per default: the text the reference, hover and completion
 * show for a default (derived from the schema's typed value) is exactly
 * what the model assumes. Writing the shown default out must change nothing.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../grammar/parse';
import { buildModel } from '../../core/model/build';
import { PROPERTIES, describeDefault } from '../../core/model/schema';
import { COMPONENT_KINDS, activePassiveByDefault, isEntryKind, storesData } from '../../core/model/kinds';
import { analyseText } from '../../core/index';

function system(body: string) {
  const text = `system s {\n${body}\n}\n`;
  const { ast, diagnostics } = parse(text);
  const model = buildModel(ast, text);
  assert.deepEqual([...diagnostics, ...model.diagnostics].map((d) => d.message), [], text);
  return model.systems[0];
}

/** The component's figures-relevant fields, without ranges or the record of what was assumed. */
function fields(body: string, name = 'a') {
  const { range, nameRange, headerRange, assumed, propertyRanges, ...rest } = system(body).componentsByName.get(name)!;
  void range, nameRange, headerRange, assumed, propertyRanges;
  return rest;
}

describe('a default written out is the default', () => {
  for (const spec of PROPERTIES.filter((p) => p.places.includes('component') && p.default && 'value' in p.default)) {
    const kind = spec.kinds?.[0] ?? 'service';
    test(`${spec.key}: ${describeDefault(spec)} (${kind})`, () => {
      const written = spec.type === 'flag' ? `${spec.key}: ${describeDefault(spec)}` : `${spec.key}: ${describeDefault(spec)!.split(' (')[0]}`;
      assert.deepEqual(fields(`  ${kind} a { ${written} }`), fields(`  ${kind} a`));
    });
  }

  for (const spec of PROPERTIES.filter((p) => p.places.includes('edge') && p.default && 'value' in p.default)) {
    test(`edge ${spec.key}: ${describeDefault(spec)}`, () => {
      const edge = (props: string) => {
        const { range, fromRange, toRange, ...rest } = system(`  service a\n  service b\n  a -> b ${props}`).edges[0] as unknown as Record<string, unknown>;
        void range, fromRange, toRange;
        return rest;
      };
      assert.deepEqual(edge(`{ ${spec.key}: ${describeDefault(spec)} }`), edge(''));
    });
  }

  test('failover: the default shown for each standby is the one used', () => {
    const text = describeDefault(PROPERTIES.find((p) => p.key === 'failover')!)!;
    for (const [standby, duration] of text.split(', ').map((part) => part.split(' '))) {
      const base = `mode: active-passive; replicas: 2; standby: ${standby}`;
      assert.deepEqual(fields(`  service a { ${base}; failover: ${duration} }`), fields(`  service a { ${base} }`), standby);
    }
  });

  test('max-utilisation: the default shown is the threshold of `hot`', () => {
    const shown = describeDefault(PROPERTIES.find((p) => p.key === 'max-utilisation')!)!;
    const at = (peak: number, extra = '') => analyseText(`system s {\n${extra}  users u { rps: 1; peak: ${peak} }\n  service a { replicas: 2; capacity: 100 rps }\n  u -> a\n}\n`).diagnostics.filter((d) => d.code === 'hot').length;
    for (const peak of [150, 161, 170]) assert.equal(at(peak), at(peak, `  max-utilisation: ${shown}\n`), `peak ${peak}`);
    assert.equal(at(170), 1);
  });
});

describe('one kinds table', () => {
  test('the entry kinds, the stores and the active-passive kinds are what the model treats as such', () => {
    for (const kind of COMPONENT_KINDS) {
      const c = system(`  ${kind} a`).componentsByName.get('a')!;
      assert.equal(c.isEntry, isEntryKind(kind), kind);
      assert.equal(c.mode, activePassiveByDefault(kind) ? 'active-passive' : 'active-active', kind);
      const replicated = system(`  ${kind} a${isEntryKind(kind) ? '' : ' { replicas: 2 }'}`).componentsByName.get('a')!;
      if (!isEntryKind(kind)) assert.equal(replicated.replication, storesData(kind) ? 'async' : 'none', kind);
    }
  });
});
