/**
 * Our own routes for edges that ELK did not route end to end: in the
 * bottom-up layout of large diagrams, an edge between components in
 * different regions or zones follows the route ELK gave the pair of boxes
 * that hold its ends, with a straight piece from the component's box to the
 * group's border at each end. Pure geometry, deterministic.
 */
import type { DiagramEdge, ElkPoint } from './graph-types';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Sets `edge.sections` (and its labels' positions) in the frame `s`, `t` and
 * `route` share. `route` runs from the border of the box holding the source to
 * that holding the target; when a box is the component itself its end of the
 * route is used as is.
 */
export function routeThroughGroups(edge: DiagramEdge, s: Box, t: Box, route: ElkPoint[], sourceIsEnd: boolean, targetIsEnd: boolean): void {
  let points: ElkPoint[];
  // The label goes on a piece of the line that is this edge's alone: the shared route may carry several.
  let own: ElkPoint[] | undefined;
  if (route.length < 2) {
    points = [clip(s, centre(t)), clip(t, centre(s))];
  } else {
    points = route.map((p) => ({ x: p.x, y: p.y }));
    const first = sourceIsEnd ? undefined : [clip(s, points[0]), points[0]];
    const last = targetIsEnd ? undefined : [points[points.length - 1], clip(t, points[points.length - 1])];
    if (first) points.unshift(first[0]);
    if (last) points.push(last[1]);
    own = [first, last].filter((p): p is ElkPoint[] => p !== undefined).sort((a, b) => length(b) - length(a))[0];
  }
  points = withoutRepeats(points);
  if (points.length < 2) points = [clip(s, centre(t)), clip(t, centre(s))];
  edge.sections = [{ id: `${edge.id}_s0`, startPoint: points[0], bendPoints: points.slice(1, -1), endPoint: points[points.length - 1] }];
  const mid = midpoint(own && length(own) > 0 ? own : points);
  for (const label of edge.labels ?? []) {
    label.x = mid.x - (label.width ?? 0) / 2;
    label.y = mid.y - (label.height ?? 0) - 2;
  }
}

function centre(b: Box): ElkPoint {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}

/** Where the line from the box's centre towards `p` leaves the box. */
export function clip(b: Box, p: ElkPoint): ElkPoint {
  const c = centre(b);
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  if (dx === 0 && dy === 0) return { x: c.x, y: b.y };
  const sx = dx === 0 ? Infinity : b.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.h / 2 / Math.abs(dy);
  const k = Math.min(sx, sy, 1);
  return { x: c.x + dx * k, y: c.y + dy * k };
}

function length(points: ElkPoint[]): number {
  return points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - points[i].x, p.y - points[i].y), 0);
}

function withoutRepeats(points: ElkPoint[]): ElkPoint[] {
  return points.filter((p, i) => i === 0 || Math.abs(p.x - points[i - 1].x) > 0.01 || Math.abs(p.y - points[i - 1].y) > 0.01);
}

/** The point halfway along the polyline, so a label sits on the line it names. */
export function midpoint(points: ElkPoint[]): ElkPoint {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
  let rest = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    if (rest <= lengths[i] && lengths[i] > 0) {
      const f = rest / lengths[i];
      return { x: points[i].x + (points[i + 1].x - points[i].x) * f, y: points[i].y + (points[i + 1].y - points[i].y) * f };
    }
    rest -= lengths[i];
  }
  return points[0];
}
