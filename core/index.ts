/**
 * The one entry point of the core: text in, AST + model + figures + every
 * diagnostic out. Never throws on any input. The CLI, the server and the
 * tests all go through here so every figure comes from one place.
 */
import { parse } from '../grammar/parse';
import type { FileNode } from '../grammar/ast';
import type { Diagnostic } from './diagnostic';
import { buildModel } from './model/build';
import type { Model } from './model/types';
import { analyseSystem } from './analysis/analyse';
import { AnalysisBudget, type WorkLimits } from './analysis/availability/work';
import type { SystemFigures } from './analysis/types';
import { alsoIntended, applyEdits, intendedEdits } from './cascade';

export interface Analysis {
  text: string;
  ast: FileNode;
  model: Model;
  /** One per system of model.systems, same order. */
  systems: SystemFigures[];
  /** Syntax, model and rule diagnostics, sorted by position. */
  diagnostics: Diagnostic[];
  /** True when analysis stopped early because isCancelled() said so. */
  cancelled: boolean;
}

export interface AnalyseOptions extends WorkLimits {
  /** Checked between systems and inside long loops; a cancelled analysis is partial. */
  isCancelled?: () => boolean;
}

export function analyseText(text: string, options: AnalyseOptions = {}): Analysis {
  const analysis = analyseOnce(text, options);
  const edits = intendedEdits(analysis.diagnostics);
  if (edits.length === 0 || analysis.cancelled) return analysis;
  // Hold back the findings that only a misspelling causes (core/cascade.ts).
  const intended = analyseOnce(applyEdits(text, edits), options);
  if (intended.cancelled) return analysis;
  const keep = alsoIntended(edits, intended.diagnostics);
  for (const s of analysis.systems) s.diagnostics = s.diagnostics.filter(keep);
  return { ...analysis, diagnostics: analysis.diagnostics.filter(keep) };
}

function analyseOnce(text: string, options: AnalyseOptions): Analysis {
  const parsed = parse(text);
  const model = buildModel(parsed.ast, text);
  const systems: SystemFigures[] = [];
  let cancelled = false;
  // One work budget for the whole file, not one per system (availability/work.ts).
  const work = new AnalysisBudget(options);
  for (const system of model.systems) {
    if (options.isCancelled?.()) {
      cancelled = true;
      break;
    }
    systems.push(analyseSystem(system, { isCancelled: options.isCancelled, work }));
  }
  const diagnostics = [...parsed.diagnostics, ...model.diagnostics, ...systems.flatMap((s) => s.diagnostics)];
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { text, ast: parsed.ast, model, systems, diagnostics, cancelled };
}

export type { Diagnostic, Range, Severity } from './diagnostic';
export type { Model, SystemModel, ComponentModel, EdgeModel, GroupModel } from './model/types';
export type { SystemFigures, ComponentFigures, EntryFigures } from './analysis/types';
export type { HeadroomLoss } from './analysis/headroom-loss';
