/**
 * ELK options, chosen for speed on large graphs: layered with low
 * thoroughness, Brandes–Köpf node placement (never NETWORK_SIMPLEX, which is
 * the slow part on big graphs), model order kept so an edit moves little, and
 * a fixed random seed so the same model always gives the same picture.
 */
import type { LayoutOptions } from 'elkjs/lib/elk-api';

/** Room inside a region or zone box; the top holds its title. */
export const GROUP_PADDING = { top: 32, left: 16, bottom: 16, right: 16 };

/** Above this many nodes, layout quality is traded for speed. */
export const LARGE_GRAPH = 120;

/**
 * When to lay regions and zones out one at a time (`layout-bottom-up.ts`)
 * instead of all together with INCLUDE_CHILDREN. The latter's cost grows
 * with the edges that cross group borders (each becomes hierarchical ports
 * and dummies on every level): on the synthetic bench, warm, 40 components
 * with 34 such edges took ~300 ms that way and ~90 ms group by group, while
 * the examples (up to 13 components, 6 crossing edges) take ~25 ms either
 * way and keep the whole-hierarchy routing, which avoids every box.
 */
export function useBottomUp(components: number, crossGroupEdges: number): boolean {
  return components > 60 || crossGroupEdges > 12;
}

/**
 * Extra options for large graphs: greedy switch (the costliest crossing
 * step, worse still across hierarchy levels) off, model order not enforced,
 * and the lowest thoroughness. Measured on the synthetic bench, these cut
 * hierarchical layout time by about four.
 */
const FAST: LayoutOptions = {
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.crossingMinimization.greedySwitchHierarchical.type': 'OFF',
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.layered.thoroughness': '1',
};

export function rootLayoutOptions(direction: 'right' | 'down' | string, nodeCount = 0): LayoutOptions {
  const base = baseOptions(direction);
  return nodeCount > LARGE_GRAPH ? { ...base, ...FAST } : base;
}

/**
 * Options for one group's content in the bottom-up layout: the same look as
 * the whole-graph layout, but flat, with the group's own padding.
 */
export function subLayoutOptions(direction: string, nodeCount: number, padding: string | undefined): LayoutOptions {
  const base: LayoutOptions = { ...baseOptions(direction === 'DOWN' ? 'down' : 'right'), 'elk.hierarchyHandling': 'SEPARATE_CHILDREN' };
  if (padding) base['elk.padding'] = padding;
  return nodeCount > LARGE_GRAPH ? { ...base, ...FAST } : base;
}

function baseOptions(direction: string): LayoutOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': direction === 'down' ? 'DOWN' : 'RIGHT',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.randomSeed': '1',
    'elk.padding': '[top=20,left=20,bottom=20,right=20]',
    'elk.spacing.nodeNode': '28',
    'elk.spacing.edgeNode': '14',
    'elk.spacing.edgeEdge': '8',
    'elk.spacing.edgeLabel': '4',
    'elk.spacing.componentComponent': '40',
    'elk.layered.spacing.nodeNodeBetweenLayers': '56',
    'elk.layered.spacing.edgeNodeBetweenLayers': '14',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
    'elk.layered.thoroughness': '2',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
    'elk.edgeLabels.placement': 'CENTER',
  };
}
