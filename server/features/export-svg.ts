/**
 * `sysd/exportSvg`: the diagram of one system as SVG, drawn by core/diagram.
 * Layout runs in a worker thread so that ELK never blocks the server's event
 * loop; when the worker script cannot be found (an unusual install) the
 * in-process layouter is used instead.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_DEADLINE_MS, renderSystemSvg } from '../../core/diagram/index';
import { createInProcessLayouter } from '../../core/diagram/layout-inprocess';
import type { Layouter } from '../../core/diagram/layout-port';
import { createWorkerLayouter } from '../../node/layout-worker-client';
import type { ExportSvgParams, ExportSvgResult } from '../../protocol/requests';
import type { Snapshot } from '../documents';
import { wallClockLimit } from '../wall-clock';

let layouter: Layouter | undefined;

/** The bundle has dist/layout-worker.js beside dist/server.js; from source the worker runs through tsx. */
function workerScript(): string | undefined {
  const main = process.argv[1] ? dirname(resolve(process.argv[1])) : process.cwd();
  return [join(main, 'layout-worker.js'), join(main, '..', 'node', 'layout-worker.ts')].find((p) => existsSync(p));
}

/** The server's one layouter, shared by the export and the preview (server/features/preview.ts). */
export function layouterFor(): Layouter {
  if (!layouter) {
    const script = workerScript();
    layouter = script ? createWorkerLayouter(script) : createInProcessLayouter();
  }
  return layouter;
}

/** Uses `next` as the server's layouter from now on (the bench points it at the built worker). */
export function useLayouter(next: Layouter): void {
  layouter?.dispose();
  layouter = next;
}

export function disposeLayouter(): void {
  layouter?.dispose();
  layouter = undefined;
}

export async function exportSvg(snapshot: Snapshot | undefined, params: ExportSvgParams, isCancelled?: () => boolean): Promise<ExportSvgResult> {
  if (!snapshot) return { error: 'The document is not open in the sysd language server.' };
  const systems = snapshot.analysis.model.systems;
  const index = params.system ? systems.findIndex((s) => s.name === params.system) : 0;
  const system = systems[index];
  if (!system) return { error: params.system ? `There is no system named '${params.system}' in this file.` : 'This file declares no system to draw.' };
  const figures = snapshot.analysis.systems.find((f) => f.name === system.name);
  const { svg, notes } = await renderSystemSvg(system, figures, layouterFor(), { isCancelled, deadlineMs: wallClockLimit(DEFAULT_DEADLINE_MS) });
  // A fallback layout is said in the SVG and, through `warning`, by the editor.
  return notes.length > 0 ? { svg, warning: notes.join(' ') } : { svg };
}
