/**
 * The editor's wall-clock limits pass through here. Each keeps the editor
 * from waiting (the analysis' 3 s, the preview's 1 s for ELK, the SVG
 * export's 10 s, the analysis thread's 60 s and its 2 s after a cancel), but
 * on a busy machine each also decides what is shown: an estimate instead of
 * an exact figure, the simple layout instead of ELK's, a thread restarted
 * without the snapshots it held.
 * Test results must not depend on the machine's speed (docs/testing.md), so
 * with SYSD_WALL_CLOCK_LIMITS=off — which `npm test` sets (scripts/test.mjs),
 * test/lsp/harness.ts for every server it starts, and the in-process preview
 * tests themselves, so a single file run alone behaves the same — every
 * limit becomes a ten-minute guard against a hang. What happens past a limit
 * is tested directly, with a limit already passed.
 */
const HANG_GUARD_MS = 600_000;

/** The limit the editor uses, or a hang guard when the limits are off for tests. */
export function wallClockLimit(ms: number): number {
  return process.env.SYSD_WALL_CLOCK_LIMITS === 'off' ? Math.max(ms, HANG_GUARD_MS) : ms;
}
