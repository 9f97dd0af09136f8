/**
 * The end-to-end tests' paths. The tools themselves are found by
 * scripts/editor/tools.ts, which `npm start` shares.
 */
import { join } from 'node:path';
import { ROOT, waitFor as poll } from '../../scripts/editor/tools';

export { ROOT, requireTools, type EditorTools as E2eTools } from '../../scripts/editor/tools';
export const RESULTS = join(ROOT, 'test-results', 'e2e');

/** No wait of a test gives up in less than two minutes. */
const MIN_WAIT_MS = 120_000;

/**
 * Polls `probe` until it returns a value. Every wait of these tests is a guard
 * against a hang, never a measure: on a busy machine (eight builds on two
 * cores) code-server is many times slower, so the wait is at least two minutes.
 */
export function waitFor<T>(what: string, ms: number, probe: () => Promise<T | undefined> | T | undefined, every?: number): Promise<T> {
  return poll(what, Math.max(ms, MIN_WAIT_MS), probe, every);
}
