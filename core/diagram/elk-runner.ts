/**
 * One warm ELK instance and the call that lays a diagram graph out with it.
 * Shared by the in-process layouter and the worker entry, so both run the
 * same code with the same options.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi } from 'elkjs/lib/elk-api';
import type { DiagramNode } from './graph-types';
import { stripElkInternals } from './layout-port';
import { holdLabels, LABEL_NODES_UP_TO, placeHeldLabels } from './elk-limits';
import { layoutBottomUp } from './layout-bottom-up';
import { useBottomUp } from './layout-options';
import { seedFromPrevious, type LayoutPositions } from './layout-seed';

let instance: ElkApi | undefined;

function elk(): ElkApi {
  // Created on first use and kept: ELK's set-up cost is paid once per process.
  instance ??= new ELK();
  return instance;
}

/**
 * Lays out a copy of `graph`; the input is left untouched. Large graphs with
 * regions or zones are laid out group by group, which is several times
 * quicker than ELK's whole-hierarchy mode; small ones keep the latter, whose
 * edges between groups are routed around every box. With `previous`, the
 * positions of the last layout seed this one (layout-seed.ts).
 */
export async function runElk(graph: DiagramNode, previous?: LayoutPositions): Promise<DiagramNode> {
  const copy = seedFromPrevious(structuredClone(graph), previous);
  const { leaves, crossing } = shape(copy);
  // Large graphs keep their edge labels out of ELK (elk-limits.ts) and get them back at their edges' middles.
  const held = leaves > LABEL_NODES_UP_TO ? holdLabels(copy) : undefined;
  let result: DiagramNode;
  if (useBottomUp(leaves, crossing)) {
    result = await layoutBottomUp(copy, async (flat) => stripElkInternals(await elk().layout(flat)));
  } else {
    result = stripElkInternals((await elk().layout(copy)) as DiagramNode);
  }
  if (held) placeHeldLabels(result, held);
  return result;
}

/** Components, and edges with an end inside a group below the edge's container. */
function shape(graph: DiagramNode): { leaves: number; crossing: number } {
  const parent = new Map<string, DiagramNode>();
  let leaves = 0;
  let crossing = 0;
  (function walk(node: DiagramNode): void {
    for (const c of node.children ?? []) {
      parent.set(c.id, node);
      if (!c.children) leaves++;
      walk(c);
    }
  })(graph);
  (function walk(node: DiagramNode): void {
    for (const e of node.edges ?? []) if (parent.get(e.sources[0]) !== node || parent.get(e.targets[0]) !== node) crossing++;
    node.children?.forEach(walk);
  })(graph);
  return { leaves, crossing };
}
