/**
 * How far a small edit moves a diagram (the preview's stable layout): each
 * example is laid out, then laid out again with one component and one edge
 * added, and every component that was there before is compared. Displacement
 * is the distance between a component's centre before and after, in layout
 * units (SVG pixels at zoom 1), measured in the diagram's own frame. The test
 * bounds it; `npm run bench` prints its median and maximum.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseText } from '../core/index';
import { buildElkGraph, type DiagramNode, type Layouter } from '../core/diagram/index';
import { positionsOf } from '../core/diagram/layout-seed';

const EXAMPLES = fileURLToPath(new URL('../examples', import.meta.url));

/** Centre of every component (leaf node with `sysd.type === 'component'`), by id, in the root's frame. */
export function componentCentres(root: DiagramNode): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  (function walk(node: DiagramNode, ox: number, oy: number): void {
    for (const c of node.children ?? []) {
      const x = ox + (c.x ?? 0);
      const y = oy + (c.y ?? 0);
      if ((c.sysd as { type?: string } | undefined)?.type === 'component') out.set(c.id, { x: x + (c.width ?? 0) / 2, y: y + (c.height ?? 0) / 2 });
      walk(c as DiagramNode, x, y);
    }
  })(root, 0, 0);
  return out;
}

/** Distances moved by the components present in both layouts. */
export function displacements(before: DiagramNode, after: DiagramNode): number[] {
  const a = componentCentres(before);
  const b = componentCentres(after);
  const out: number[] = [];
  for (const [id, p] of a) {
    const q = b.get(id);
    if (q) out.push(Math.hypot(q.x - p.x, q.y - p.y));
  }
  return out;
}

/** The text with one service added before the system's closing brace, called by `caller`. */
export function withOneMore(text: string, caller: string): string {
  const end = text.lastIndexOf('}');
  return `${text.slice(0, end)}  service probe-added "Added"\n  ${caller} -> probe-added\n${text.slice(end)}`;
}

export interface StabilityCase {
  example: string;
  caller: string;
  moved: number[];
  /** The layout after the edit. */
  after: DiagramNode;
}

/**
 * Every example, with the added component called in turn by each component
 * that is not an entry (or by the first one only, `oneCallerEach`). With
 * `seeded`, the second layout is given the first one's positions, as the
 * preview does on every edit; without, it is laid out afresh.
 */
export async function measureStability(layouter: Layouter, opts: { seeded: boolean; oneCallerEach?: boolean }): Promise<StabilityCase[]> {
  const cases: StabilityCase[] = [];
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.sysd')).sort()) {
    const text = readFileSync(join(EXAMPLES, file), 'utf8');
    const base = analyseText(text);
    const system = base.model.systems[0];
    if (!system) continue;
    const before = (await layouter.layout(buildElkGraph(system, base.systems[0]), { deadlineMs: 600_000 })).graph;
    const previous = opts.seeded ? positionsOf(before) : undefined;
    const callers = system.components.filter((c) => !c.isEntry).map((c) => c.name);
    for (const caller of opts.oneCallerEach ? callers.slice(0, 1) : callers) {
      const edited = analyseText(withOneMore(text, caller));
      const after = (await layouter.layout(buildElkGraph(edited.model.systems[0], edited.systems[0]), { deadlineMs: 600_000, previous })).graph;
      cases.push({ example: file, caller, moved: displacements(before, after), after });
    }
  }
  return cases;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
