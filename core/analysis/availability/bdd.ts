/**
 * A small reduced ordered binary decision diagram (ROBDD) with AND and OR:
 * the exact engine's representation of "entry served" as a function of the
 * component variables. Nodes live in typed arrays and are hash-consed, so two
 * equal functions are the same node id, which is also how the greatest fixed
 * point of a cycle detects that it has converged.
 *
 * A node's children always have smaller ids than the node, so a probability
 * pass over ascending ids sees children first and needs no recursion.
 */

import { type Budget, unlimited } from './budget';

/** Thrown when the diagram grows past its node limit; the caller falls back to Monte Carlo. */
/** Units of work one apply step is charged: measured at about 50 node evaluations of exact.ts. */
export const APPLY_STEP_UNITS = 50;

export class BddTooLarge extends Error {}

/**
 * How deep `apply` may recurse: each level is one variable of the diagrams.
 * Well below where the stack of Node's main thread (the CLI's, about 1 MB)
 * overflows (about 4,800 levels measured), and well above what real models
 * need (the deepest in the tests and the 10,000-component bench: 649).
 */
export const MAX_APPLY_DEPTH = 2_000;


export const FALSE = 0;
export const TRUE = 1;

const AND = 0;
const OR = 1;

export class Bdd {
  readonly numVars: number;
  readonly maxNodes: number;
  /** Current recursion depth of `apply`. */
  private depth = 0;
  variable: Int32Array;
  low: Int32Array;
  high: Int32Array;
  size = 2;
  private buckets: Int32Array;
  private next: Int32Array;
  /** A lossy computed-table: a miss only costs a recomputation. Sized to the problem, so small models stay cheap. */
  private cacheMask: number;
  private cacheF: Int32Array;
  private cacheG: Int32Array;
  private cacheOp: Int8Array;
  private cacheR: Int32Array;

  /**
   * Every non-trivial apply step is charged to this budget: one AND of two
   * diagrams can take exponential time, so a check between whole operations
   * would not stop it. A step (hashing, a cache probe, maybe a new node)
   * costs about as much as APPLY_STEP_UNITS diagram nodes evaluated, the
   * unit the rest of the exact method counts in.
   */
  private readonly budget: Budget;

  constructor(numVars: number, maxNodes = 4_000_000, budget: Budget = unlimited()) {
    this.numVars = numVars;
    this.maxNodes = maxNodes;
    this.budget = budget;
    this.cacheMask = 0;
    this.cacheF = this.cacheG = this.cacheR = new Int32Array(0);
    this.cacheOp = new Int8Array(0);
    this.resizeCache(10);
    const cap = 1024;
    this.variable = new Int32Array(cap);
    this.low = new Int32Array(cap);
    this.high = new Int32Array(cap);
    this.next = new Int32Array(cap);
    this.buckets = new Int32Array(cap * 2).fill(-1);
    // Terminals sort after every variable.
    this.variable[0] = numVars;
    this.variable[1] = numVars;
  }

  /** The cache grows with the diagram (up to 2^20 entries), so a model of trees pays nothing for it. */
  private resizeCache(bits: number): void {
    this.cacheMask = (1 << bits) - 1;
    this.cacheF = new Int32Array(1 << bits).fill(-1);
    this.cacheG = new Int32Array(1 << bits);
    this.cacheOp = new Int8Array(1 << bits);
    this.cacheR = new Int32Array(1 << bits);
  }

  variableNode(v: number): number {
    return this.mk(v, FALSE, TRUE);
  }

  and(f: number, g: number): number {
    return this.apply(AND, f, g);
  }

  or(f: number, g: number): number {
    return this.apply(OR, f, g);
  }

  private hash(v: number, lo: number, hi: number): number {
    let h = Math.imul(v, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca6b) ^ Math.imul(hi, 0xc2b2ae35);
    h ^= h >>> 15;
    return h & (this.buckets.length - 1);
  }

  private grow(): void {
    const cap = this.variable.length * 2;
    const copy = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.variable = copy(this.variable);
    this.low = copy(this.low);
    this.high = copy(this.high);
    this.next = copy(this.next);
    this.buckets = new Int32Array(cap * 2).fill(-1);
    for (let id = 2; id < this.size; id++) {
      const h = this.hash(this.variable[id], this.low[id], this.high[id]);
      this.next[id] = this.buckets[h];
      this.buckets[h] = id;
    }
  }

  mk(v: number, lo: number, hi: number): number {
    if (lo === hi) return lo;
    let h = this.hash(v, lo, hi);
    for (let id = this.buckets[h]; id !== -1; id = this.next[id]) {
      if (this.variable[id] === v && this.low[id] === lo && this.high[id] === hi) return id;
    }
    if (this.size >= this.maxNodes) throw new BddTooLarge(`more than ${this.maxNodes} diagram nodes`);
    if (this.size >= this.variable.length) {
      this.grow();
      h = this.hash(v, lo, hi);
    }
    const id = this.size++;
    if (id > this.cacheMask && this.cacheMask < (1 << 20) - 1) this.resizeCache(Math.min(20, Math.ceil(Math.log2(id + 1)) + 1));
    this.variable[id] = v;
    this.low[id] = lo;
    this.high[id] = hi;
    this.next[id] = this.buckets[h];
    this.buckets[h] = id;
    return id;
  }

  private apply(op: number, f: number, g: number): number {
    if (op === AND) {
      if (f === FALSE || g === FALSE) return FALSE;
      if (f === TRUE) return g;
      if (g === TRUE || f === g) return f;
    } else {
      if (f === TRUE || g === TRUE) return TRUE;
      if (f === FALSE) return g;
      if (g === FALSE || f === g) return f;
    }
    this.budget.step(APPLY_STEP_UNITS);
    if (f > g) {
      const t = f;
      f = g;
      g = t;
    }
    const slot = (Math.imul(f, 0x9e3779b1) ^ Math.imul(g, 0x85ebca6b) ^ op) & this.cacheMask;
    if (this.cacheF[slot] === f && this.cacheG[slot] === g && this.cacheOp[slot] === op) return this.cacheR[slot];
    const vf = this.variable[f];
    const vg = this.variable[g];
    const v = vf < vg ? vf : vg;
    const f0 = vf === v ? this.low[f] : f;
    const f1 = vf === v ? this.high[f] : f;
    const g0 = vg === v ? this.low[g] : g;
    const g1 = vg === v ? this.high[g] : g;
    // Each level of recursion is one variable further down both diagrams; the depth is counted so a deep
    // diagram falls back as a unit of work, never as a stack overflow (which is a bug, not a property of the model).
    if (++this.depth > MAX_APPLY_DEPTH) throw new BddTooLarge(`deeper than ${MAX_APPLY_DEPTH} variables`);
    const lo = this.apply(op, f0, g0);
    const hi = this.apply(op, f1, g1);
    this.depth--;
    const r = this.mk(v, lo, hi);
    this.cacheF[slot] = f;
    this.cacheG[slot] = g;
    this.cacheOp[slot] = op;
    this.cacheR[slot] = r;
    return r;
  }

  /**
   * Node ids reachable from the roots, ascending (children before parents),
   * terminals excluded. Costs the size of the answer, not of the whole
   * diagram, because it is called once per module.
   */
  reachable(roots: number[]): Int32Array {
    if (this.mark.length < this.size) {
      const bigger = new Int32Array(Math.max(this.size, this.mark.length * 2));
      bigger.set(this.mark);
      this.mark = bigger;
    }
    const epoch = ++this.epoch;
    const out: number[] = [];
    const stack: number[] = [];
    for (const r of roots) {
      if (r > TRUE && this.mark[r] !== epoch) {
        this.mark[r] = epoch;
        stack.push(r);
      }
    }
    while (stack.length > 0) {
      const x = stack.pop()!;
      out.push(x);
      const lo = this.low[x];
      const hi = this.high[x];
      if (lo > TRUE && this.mark[lo] !== epoch) {
        this.mark[lo] = epoch;
        stack.push(lo);
      }
      if (hi > TRUE && this.mark[hi] !== epoch) {
        this.mark[hi] = epoch;
        stack.push(hi);
      }
    }
    return Int32Array.from(out).sort();
  }

  private mark = new Int32Array(0);
  private epoch = 0;
}
