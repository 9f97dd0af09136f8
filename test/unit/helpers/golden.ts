/**
 * Golden files: compare a produced text with the file beside a fixture.
 * `UPDATE_GOLDEN=1` rewrites the files instead of comparing, so a deliberate
 * change is one command followed by a review of the diff. A missing golden
 * fails (rather than being created silently) so a new fixture is always looked at.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export const updating = (): boolean => process.env.UPDATE_GOLDEN === '1';

export function assertGolden(actual: string, goldenPath: string): void {
  const shown = relative(process.cwd(), goldenPath) || goldenPath;
  if (updating()) {
    const before = existsSync(goldenPath) ? readFileSync(goldenPath, 'utf8') : undefined;
    if (before !== actual) writeFileSync(goldenPath, actual);
    return;
  }
  if (!existsSync(goldenPath)) {
    assert.fail(`golden file ${shown} does not exist; create it with UPDATE_GOLDEN=1 node --import tsx --test <this test file>, then review it by eye before committing`);
  }
  const expected = readFileSync(goldenPath, 'utf8').replace(/\r\n/g, '\n');
  assert.equal(actual, expected, `output differs from ${shown}; if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff`);
}
