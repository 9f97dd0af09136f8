/**
 * The server's call into core. Core promises never to throw, but the server
 * must stay useful even if a bug breaks that promise: when the full analysis
 * fails, the parse and the model are still published (syntax and name
 * errors, navigation, outline), only the figures are missing.
 */
import { analyseText, type Analysis } from '../core/index';
import { buildModel } from '../core/model/build';
import { parse } from '../grammar/parse';

/**
 * The editor's wall-clock limit on the availability engine, on top of core's
 * units of work (core/analysis/availability/work.ts): on a slow or loaded
 * machine the figures may then be an estimate that says it was cut, but the
 * editor never waits longer. The CLI and the tests have no such limit, so
 * their figures never depend on the machine.
 */
export const EDITOR_ANALYSIS_LIMIT_MS = 3000;

const describe = (error: unknown) => (error instanceof Error ? error.stack ?? error.message : String(error));

export function analyseSafely(text: string, isCancelled: () => boolean, log: (message: string) => void): Analysis {
  try {
    return analyseText(text, { isCancelled, deadline: Date.now() + EDITOR_ANALYSIS_LIMIT_MS });
  } catch (error) {
    log(`sysd: analysis failed, showing syntax and model only: ${describe(error)}`);
  }
  const parsed = parse(text);
  let model: Analysis['model'] = { systems: [], diagnostics: [] };
  try {
    model = buildModel(parsed.ast, text);
  } catch (error) {
    log(`sysd: model building failed: ${describe(error)}`);
  }
  const diagnostics = [...parsed.diagnostics, ...model.diagnostics].sort((a, b) => a.range.start - b.range.start);
  return { text, ast: parsed.ast, model, systems: [], diagnostics, cancelled: false };
}
