/**
 * The diagram's figures read exactly as the hover and `sysd report` write
 * them: the same digits of availability, the same percent and rate forms.
 */
import { ownAvailability } from '../../core/figure';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildElkGraph } from '../../core/diagram/index';
import type { ComponentMeta, SystemMeta } from '../../core/diagram/graph-types';
import { formatAvailability, formatPercent, formatRate } from '../../core/format';
import { analyse } from './diagram-helpers';

test('availability, utilisation and rate on the diagram use the product-wide formatting', () => {
  const { system, figures } = analyse(
    'system s {\n  users u { rps: 2500 }\n  service a { availability: 99.969%; capacity: 50k rps }\n  service b { availability: 99.9%; replicas: 1 }\n  u -> a\n  a -> b { share: 0.5% }\n}',
  );
  const graph = buildElkGraph(system, figures);
  const a = graph.children!.find((c) => c.id === 'n:a')!.sysd as ComponentMeta;
  const u = graph.children!.find((c) => c.id === 'n:u')!.sysd as ComponentMeta;
  const fa = figures!.components.find((c) => c.name === 'a')!;
  assert.equal(a.figures, `${formatAvailability(ownAvailability(fa))} · ${formatPercent(fa.utilisation!)}`);
  assert.match(a.figures!, /^99\.969% · 5%$/, 'three digits where the report shows three; a small load is not rounded to 0%');
  assert.match(u.figures!, new RegExp(`^${formatRate(2500)} · `));
  assert.match(u.figures!, /^2\.5k rps · /);
  assert.equal(graph.edges!.find((e) => e.sysd?.to === 'b')!.labels![0].text, '0.5%');
  const summary = (graph.sysd as SystemMeta).summary!;
  assert.ok(summary.includes(formatAvailability(figures!.availability!)), summary);
});
