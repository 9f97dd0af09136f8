/**
 * The server's call into core. Core promises never to throw, but the server
 * must stay useful even if a bug breaks that promise: when the full analysis
 * fails, the parse and the model are still published (syntax and name
 * errors, navigation, outline), only the figures are missing.
 */
import { analyseText, type Analysis } from '../core/index';
import { MAX_MODEL_BYTES, tooLargeMessage } from '../core/limits';
import { buildModel } from '../core/model/build';
import { parse } from '../grammar/parse';
import { wallClockLimit } from './wall-clock';

/**
 * The editor's wall-clock limit on the availability engine, on top of core's
 * units of work (core/analysis/availability/work.ts): on a slow or loaded
 * machine the figures may then be an estimate that says it was cut, but the
 * editor never waits longer. The CLI has no such limit, and the tests turn it
 * off (server/wall-clock.ts), so their figures never depend on the machine.
 */
export const EDITOR_ANALYSIS_LIMIT_MS = 3000;

const describe = (error: unknown) => (error instanceof Error ? error.stack ?? error.message : String(error));

export function analyseSafely(text: string, isCancelled: () => boolean, log: (message: string) => void): Analysis {
  const tooLarge = oversized(text);
  if (tooLarge) return tooLarge;
  try {
    return analyseText(text, { isCancelled, deadline: Date.now() + wallClockLimit(EDITOR_ANALYSIS_LIMIT_MS) });
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

/**
 * The editor holds the same limit as the CLI (core/limits.ts, docs/language.md "Limits"): past it an
 * analysis would need more than about 1 GB, so the file gets one error at its start and nothing is parsed.
 */
function oversized(text: string): Analysis | undefined {
  // A UTF-16 unit is at least one byte, so only texts near the limit need their exact UTF-8 size.
  if (text.length <= MAX_MODEL_BYTES / 3) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= MAX_MODEL_BYTES) return undefined;
  const message = `This file ${tooLargeMessage(bytes)}, so it is not analysed; split the model into smaller files.`;
  return {
    text,
    ast: { kind: 'file', imports: [], systems: [], comments: [], range: { start: 0, end: text.length } },
    model: { systems: [], diagnostics: [] },
    systems: [],
    diagnostics: [{ code: 'syntax', severity: 'error', message, range: { start: 0, end: 0 } }],
    cancelled: false,
  };
}
