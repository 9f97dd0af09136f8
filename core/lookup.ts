/**
 * Finds the model and the figures that belong to a system of the AST. The
 * model keeps systems in source order but skips the ones it cannot build (a
 * system without a name), so systems are matched by name and position.
 */
import type { Analysis } from './index';
import type { SystemFigures } from './analysis/types';
import type { ComponentModel, SystemModel } from './model/types';
import type { SystemNode } from '../grammar/ast';

export interface SystemView {
  model: SystemModel;
  figures?: SystemFigures;
}

export function viewOf(analysis: Analysis, system: SystemNode | undefined): SystemView | undefined {
  if (!system?.name) return undefined;
  const name = system.name.text;
  const systems = analysis.model.systems;
  let index = systems.findIndex((s) => s.name === name && s.nameRange.start === system.name!.range.start);
  if (index < 0) index = systems.findIndex((s) => s.name === name);
  if (index < 0) return undefined;
  const model = systems[index];
  const figures = analysis.systems.find((f, i) => i === index && f.name === name) ?? analysis.systems.find((f) => f.name === name);
  return { model, figures };
}

export function viewAt(analysis: Analysis, systemIndex: number): SystemView | undefined {
  return viewOf(analysis, analysis.ast.systems[systemIndex]);
}

export function componentFigures(view: SystemView, name: string) {
  return view.figures?.components.find((c) => c.name === name);
}

/** The component whose declaration covers `offset`, by the model's own ranges. */
export function componentAt(view: SystemView, offset: number): ComponentModel | undefined {
  return view.model.components.find((c) => c.range.start <= offset && offset <= c.range.end);
}
