/**
 * One warm ELK instance and the call that lays a diagram graph out with it.
 * Shared by the in-process layouter and the worker entry, so both run the
 * same code with the same options.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi } from 'elkjs/lib/elk-api';
import type { DiagramNode } from './graph-types';
import { stripElkInternals } from './layout-port';

let instance: ElkApi | undefined;

function elk(): ElkApi {
  // Created on first use and kept: ELK's set-up cost is paid once per process.
  instance ??= new ELK();
  return instance;
}

/** Lays out a copy of `graph`; the input is left untouched. */
export async function runElk(graph: DiagramNode): Promise<DiagramNode> {
  const copy = structuredClone(graph);
  const result = (await elk().layout(copy)) as DiagramNode;
  return stripElkInternals(result);
}
