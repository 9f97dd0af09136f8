/**
 * Thresholds compare with a relative tolerance of 1e-9 (docs/language.md §8):
 * a figure equal to its limit up to floating-point rounding is at the limit.
 * Each case below is a tie that plain `>` or `<` got wrong.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../core/index';
import { above, atLimit, below } from '../../core/compare';
import { availabilityVerdict } from '../../core/analysis/verdict';

const codes = (text: string) => analyseText(text).diagnostics.map((d) => d.code);

test('the comparison helper: equal up to 1e-9 relative is at the limit', () => {
  assert.ok(atLimit(0.1 + 0.2, 0.3));
  assert.ok(!above(0.1 + 0.2, 0.3));
  assert.ok(!below(0.95 * 0.95 - 1e-17, 0.9025));
  assert.ok(above(1 + 1e-6, 1));
  assert.ok(below(0.999, 0.9995));
});

test('latency-slo: 300ms with 100ms + 200ms on the path is met, not "300ms above 300ms"', () => {
  const text = `system s {
  latency-slo: 300ms
  users web { rps: 10 }
  service a { replicas: 2; latency: 100ms }
  service b { replicas: 2; latency: 200ms }
  web -> a -> b
}`;
  const a = analyseText(text);
  assert.ok(!codes(text).includes('latency-slo-unmet'), a.diagnostics.map((d) => d.message).join('\n'));
  assert.equal(a.systems[0].entries[0].latencyVerdict, 'met');
  assert.equal(a.systems[0].latencySloVerdict, 'met');
  // A real miss is still one.
  assert.ok(codes(text.replace('200ms', '201ms')).includes('latency-slo-unmet'));
});

test('a component at exactly 100% at peak is not overloaded (0.1 + 0.2 rps on 0.3 rps)', () => {
  const text = `system s {
  users web { rps: 1 }
  service a { replicas: 2 }
  service c { replicas: 2 }
  service b { replicas: 2; capacity: 0.15 rps }
  web -> a { share: 10% }
  web -> c { share: 20% }
  a -> b
  c -> b
}`;
  const a = analyseText(text);
  const b = a.systems[0].components.find((c) => c.name === 'b')!;
  assert.ok(b.utilisation! > 1, 'the float is past 1: the tie is real');
  assert.equal(b.utilisationLevel, 'hot');
  assert.ok(!codes(text).includes('overload'), a.diagnostics.map((d) => d.message).join('\n'));
  assert.ok(codes(text).includes('hot'));
});

test('utilisation exactly at max-utilisation is not hot', () => {
  const text = `system s {
  max-utilisation: 30%
  users web { rps: 1 }
  service a { replicas: 2 }
  service c { replicas: 2 }
  service b { replicas: 2; capacity: 0.5 rps }
  web -> a { share: 10% }
  web -> c { share: 20% }
  a -> b
  c -> b
}`;
  assert.ok(!codes(text).includes('hot'), analyseText(text).diagnostics.map((d) => d.message).join('\n'));
});

test('slo: 90.25% against 95% × 95% is met', () => {
  const text = `system s {
  slo: 90.25%
  users web { rps: 10 }
  service a { availability: 95% }
  service b { availability: 95% }
  web -> a -> b
}`;
  const a = analyseText(text);
  assert.ok(a.systems[0].availability!.value < 0.9025, 'the float is below the objective: the tie is real');
  assert.equal(a.systems[0].sloVerdict, 'met');
  assert.ok(!codes(text).includes('slo-unmet'));
  assert.ok(codes(text.replace('90.25%', '90.26%')).includes('slo-unmet'));
});

test('an estimate whose interval straddles the objective is undecided, not met or unmet', () => {
  const estimate = (low: number, high: number) => ({
    value: (low + high) / 2, unavailability: 1 - (low + high) / 2,
    exactness: { method: 'monte-carlo' as const, samples: 1000, low, high, reason: 'test' },
  });
  assert.equal(availabilityVerdict(estimate(0.9990, 0.9998), 0.9995), 'undecided');
  assert.equal(availabilityVerdict(estimate(0.9996, 0.9998), 0.9995), 'met');
  assert.equal(availabilityVerdict(estimate(0.9990, 0.9994), 0.9995), 'unmet');
});
