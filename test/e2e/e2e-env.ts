/**
 * The end-to-end tests' paths. The tools themselves are found by
 * scripts/editor/tools.ts, which `npm start` shares.
 */
import { join } from 'node:path';
import { ROOT } from '../../scripts/editor/tools';

export { ROOT, requireTools, waitFor, type EditorTools as E2eTools } from '../../scripts/editor/tools';
export const RESULTS = join(ROOT, 'test-results', 'e2e');
