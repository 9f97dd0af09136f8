/**
 * mulberry32: a tiny, well-mixed 32-bit generator, deterministic for a given
 * seed. Used by Monte Carlo estimates (so figures are repeatable), by the
 * bench's model generator and by seeded tests.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
