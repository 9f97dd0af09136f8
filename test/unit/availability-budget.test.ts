/**
 * The availability engine's work budget: a model too hard for the exact
 * method must come back as a labelled Monte Carlo estimate, never hang;
 * large generated models must come back at all; and the alternatives the
 * engine drops as absorbed must not change a figure. Budgets count units of
 * work, so which method runs never depends on the machine's load; the
 * wall-clock limits here are hang guards, not performance assertions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeAvailability } from '../../core/analysis/availability/index';
import { dropAbsorbedAlternatives } from '../../core/analysis/availability/absorbed-groups';
import { Budget } from '../../core/analysis/availability/budget';
import { indexGroups, placeAll } from '../../core/analysis/availability/component-up';
import { exactUnavailability } from '../../core/analysis/availability/exact';
import { buildServiceGraph } from '../../core/analysis/availability/service-graph';
import { buildModel as buildFromText } from '../../core/model/build';
import type { SystemModel } from '../../core/model/types';
import { parse } from '../../grammar/parse';
import { generateSysd } from '../../bench/generate';
import { buildModel } from './helpers/model-builder';

/** Only a hang fails on it: the work is bounded by counted units, and a busy machine may be many times slower. */
const HANG_GUARD_MS = 10 * 60_000;

function generated(components: number, alternatives?: number): SystemModel {
  const text = generateSysd({ components, alternatives });
  return buildFromText(parse(text).ast, text).systems[0];
}

/**
 * One component needs every one of `clauses` random `x_i | x_j` choices over
 * `vars` shared components: counting the states that satisfy a random 2-CNF,
 * which has no small decision diagram. Nothing is absorbed (no x is called
 * directly), so only the budget can stop the exact method, and all the work
 * is one component's conjunction: a check between components would not.
 */
function twoCnf(vars: number, clauses: number): SystemModel {
  let s = 12345;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const edges: string[] = [];
  for (let k = 0; k < clauses; k++) {
    const a = Math.floor(next() * vars);
    let b = Math.floor(next() * vars);
    if (b === a) b = (a + 1) % vars;
    edges.push(`api -> x${a} | x${b}`);
  }
  edges.push('u -> api');
  return buildModel({ components: { u: { kind: 'users', rps: 10 } }, edges });
}

test('a model too hard for the exact method returns past its units as a labelled Monte Carlo estimate', { timeout: HANG_GUARD_MS }, () => {
  const r = computeAvailability(twoCnf(300, 600), { exactUnits: 20_000_000 });
  const u = r.entries.get('u')!;
  assert.equal(u.exactness.method, 'monte-carlo');
  if (u.exactness.method !== 'monte-carlo') return;
  assert.match(u.exactness.reason, /more than the 2\.0e\+7 units of work/);
  assert.ok(u.exactness.low <= u.availability && u.availability <= u.exactness.high);
  assert.equal(r.system.exactness.method, 'monte-carlo');
});

test('the 10,000-component generated model with a tiny budget returns a Monte Carlo estimate that says why', { timeout: HANG_GUARD_MS }, () => {
  const system = generated(10_000, 200);
  const r = computeAvailability(system, { exactUnits: 1000, monteCarloUnits: 1_000_000 });
  assert.equal(r.entries.size, 3);
  for (const e of r.entries.values()) {
    assert.equal(e.exactness.method, 'monte-carlo');
    if (e.exactness.method !== 'monte-carlo') continue;
    assert.match(e.exactness.reason, /units of work/);
    assert.equal(e.exactness.samples, 1000, 'the floor of samples, whatever the load');
    assert.ok(e.exactness.low <= e.availability && e.availability <= e.exactness.high);
  }
});

test("past the editor's deadline Monte Carlo draws fewer samples, widens the interval and says so", { timeout: HANG_GUARD_MS }, () => {
  const model = twoCnf(300, 600);
  const full = computeAvailability(model, { exactUnits: 0 }).entries.get('u')!;
  // Only the editor passes a deadline; one already past stops sampling at its floor.
  const cut = computeAvailability(model, { exactUnits: 0, deadline: Date.now() - 1 }).entries.get('u')!;
  assert.equal(full.exactness.method, 'monte-carlo');
  assert.equal(cut.exactness.method, 'monte-carlo');
  if (full.exactness.method !== 'monte-carlo' || cut.exactness.method !== 'monte-carlo') return;
  assert.doesNotMatch(full.exactness.reason, /sampling stopped/);
  assert.match(cut.exactness.reason, /sampling stopped at the editor's time limit after \d+ of \d+ samples/);
  assert.ok(cut.exactness.samples >= 32 && cut.exactness.samples < full.exactness.samples);
  assert.ok(cut.exactness.high - cut.exactness.low > full.exactness.high - full.exactness.low);
});

test('the 10,000-component generated model (200 alternatives) returns with the default budget', { timeout: HANG_GUARD_MS }, () => {
  const system = generated(10_000);
  const r = computeAvailability(system);
  assert.equal(r.entries.size, 3);
  for (const e of r.entries.values()) {
    assert.ok(e.availability >= 0 && e.availability <= 1);
    if (e.exactness.method === 'monte-carlo') assert.match(e.exactness.reason, /./);
  }
});

test('cancelling a hard model leaves the entries undefined, not estimated', { timeout: HANG_GUARD_MS }, () => {
  let calls = 0;
  const r = computeAvailability(twoCnf(300, 600), { isCancelled: () => ++calls > 3 });
  assert.equal(r.entries.size, 0);
  assert.equal(r.system.availability, undefined);
});

test('dropping absorbed alternatives changes no entry figure', { timeout: HANG_GUARD_MS }, () => {
  // `api -> db | cache` beside `api -> db`: db is needed anyway, so the choice adds nothing.
  const small = buildModel({
    components: { u: { kind: 'users' }, cache: { availability: 0.9 }, db: { availability: 0.99 } },
    edges: ['u -> api', 'api -> db', 'api -> db | cache'],
  });
  const a = computeAvailability(small).entries.get('u')!;
  assert.deepEqual(a.exactness, { method: 'exact' });
  assert.ok(Math.abs(a.availability - 0.999 * 0.99) < 1e-12, `got ${a.availability}`);

  // On a generated model the pruned and the full graph give the same exact figures.
  const system = generated(1000, 50);
  const groups = indexGroups(system);
  const { placements } = placeAll(system.components, groups);
  const graph = buildServiceGraph(system);
  const pruned = dropAbsorbedAlternatives(graph);
  assert.ok(pruned.succ.length < graph.succ.length, 'the generated model has absorbed alternatives');
  const run = (g: typeof graph) => exactUnavailability(g, placements, groups, { budget: new Budget(Number.POSITIVE_INFINITY) });
  const full = run(graph);
  const fast = run(pruned);
  assert.equal(full.kind, 'exact');
  assert.equal(fast.kind, 'exact');
  if (full.kind !== 'exact' || fast.kind !== 'exact') return;
  assert.ok(full.unavailability.length > 0 && fast.unavailability.length === full.unavailability.length, 'figures to compare');
  full.unavailability.forEach((u, i) => assert.ok(Math.abs(u - fast.unavailability[i]) <= 1e-12 * Math.max(1, u), `${u} vs ${fast.unavailability[i]}`));
});

test('an alternative whose targets are not otherwise needed is kept', { timeout: HANG_GUARD_MS }, () => {
  const system = buildModel({
    components: { u: { kind: 'users' }, a: { availability: 0.9 }, b: { availability: 0.8 } },
    edges: ['u -> a | b'],
  });
  const r = computeAvailability(system).entries.get('u')!;
  assert.ok(Math.abs(r.unavailability - 0.1 * 0.2) < 1e-12, `got ${r.unavailability}`);
});
