/**
 * A component's up-probability by counted instances (docs/language.md §6, `replicas`
 * and `min-up`): the same figures as the plain binomial sums on small counts,
 * and a cost that follows the spread of the binomial, not `replicas`, so a
 * large `replicas` can neither hang the analysis nor escape its budget.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeAvailability } from '../../core/analysis/availability/index';
import { Budget } from '../../core/analysis/availability/budget';
import { binomialRange } from '../../core/analysis/availability/binomial';
import { UpDownTable } from '../../core/analysis/availability/instance';
import { buildModel } from './helpers/model-builder';

/** A budget that never runs out and counts the units of work charged to it. */
class Counting extends Budget {
  charged = 0;
  constructor() {
    super(Number.POSITIVE_INFINITY);
  }
  override step(cost = 1): void {
    this.charged += cost;
  }
}

/** The plain sums: P(X = j) = C(n, j)·p^j·q^(n−j) by products, each tail summed term by term. */
function reference(n: number, k: number, p: number): { up: number; down: number } {
  const q = 1 - p;
  let c = 1;
  let up = 0;
  let down = 0;
  for (let j = 0; j <= n; j++) {
    const t = c * Math.pow(p, j) * Math.pow(q, n - j);
    if (j >= k) up += t;
    else down += t;
    c = (c * (n - j)) / (j + 1);
  }
  return { up, down };
}

function close(actual: number, expected: number, what: string, tol = 1e-10): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  assert.ok(Math.abs(actual - expected) <= tol * scale, `${what}: ${actual} vs ${expected}`);
}

test('both tails match the plain binomial sums on every count up to 60, to a relative 1e-10', () => {
  for (const p of [0.1, 0.5, 0.9, 0.99, 0.999, 0.999999]) {
    for (let n = 1; n <= 60; n++) {
      for (let k = 1; k <= n; k++) {
        const table = new UpDownTable(n, k, p, 0);
        const got = table.at(n);
        const want = reference(n, k, p);
        close(got.up, want.up, `up n=${n} k=${k} p=${p}`);
        // The down-probability keeps its relative precision however small it is.
        if (want.down > 1e-290) close(got.down, want.down, `down n=${n} k=${k} p=${p}`);
      }
    }
  }
});

test('the tails of a large binomial add up to 1 and match the normal approximation near the mean', () => {
  const budget = new Counting();
  const n = 1_000_000;
  const up = binomialRange(n, 500_000, n, 0.5, 0.5, budget);
  const down = binomialRange(n, 0, 499_999, 0.5, 0.5, budget);
  close(up + down, 1, 'total', 1e-9);
  // P(X ≥ n/2) for p = ½ is ½ + P(X = n/2)/2, and P(X = n/2) ≈ 1/√(π n/2).
  close(up, 0.5 + 0.5 / Math.sqrt((Math.PI * n) / 2), 'upper tail', 1e-6);
});

test('a table entry for a million replicas costs units in the thousands, not in the millions', () => {
  const budget = new Counting();
  const entry = new UpDownTable(1_000_000, 999_000, 0.999, 0).at(1_000_000, budget);
  assert.ok(entry.up > 0 && entry.down > 0);
  assert.ok(budget.charged < 20_000, `${budget.charged} units`);
});

test('replicas: 1,000,000 gets its figures, and a table entry is computed once', { timeout: 60_000 }, () => {
  const system = buildModel({
    components: { u: { kind: 'users', rps: 1 }, a: { replicas: 1_000_000, minUp: 2, availability: 0.999 } },
    edges: ['u -> a'],
  });
  const r = computeAvailability(system);
  const a = r.componentAvailability.get('a')!;
  assert.equal(a, 1);
  assert.equal(r.entries.get('u')!.exactness.method, 'exact');
});

test('replicas spread over zones: the same figure as placing each instance by hand', () => {
  const zones = { z0: { availability: 0.99 }, z1: { availability: 0.98 }, z2: { availability: 0.97 } };
  const big = computeAvailability(
    buildModel({ groups: zones, components: { u: { kind: 'users' }, a: { replicas: 7, minUp: 3, availability: 0.9, zones: ['z0', 'z1', 'z2'] } }, edges: ['u -> a'] }),
  );
  // 7 instances over 3 zones: 3, 2, 2. By hand: sum over zone states of P(state)·P(≥3 of the counted up).
  const share = [3, 2, 2];
  const zoneUp = [0.99, 0.98, 0.97];
  let want = 0;
  for (let s = 0; s < 8; s++) {
    let pr = 1;
    let counted = 0;
    for (let z = 0; z < 3; z++) {
      const up = (s >> z) & 1;
      pr *= up ? zoneUp[z] : 1 - zoneUp[z];
      if (up) counted += share[z];
    }
    want += pr * (counted >= 3 ? reference(counted, 3, 0.9).up : 0);
  }
  close(big.componentAvailability.get('a')!, want, 'zoned component', 1e-12);
});
