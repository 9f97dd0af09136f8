/**
 * Shelf packing for the components of a group that have no edge inside it.
 * In the bottom-up layout of a large diagram most components of a zone call
 * only components elsewhere; handed to ELK, each would be a connected
 * component of its own with the whole layered pipeline run for it, which
 * costs far more than the rest of the group. Rows in model order, so an edit
 * moves little; the rows are about as wide as the rest of the group, or
 * roughly square when there is nothing else.
 */
export interface Sized {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
}

export interface Padding {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const GAP = 28;

/**
 * Places `nodes` below a laid-out block of `width` × `height` (padding
 * included; height 0 when there is no block) and returns the new size.
 */
export function packBelow(nodes: Sized[], width: number, height: number, pad: Padding): { width: number; height: number } {
  if (nodes.length === 0) return { width, height };
  const area = nodes.reduce((s, n) => s + ((n.width ?? 0) + GAP) * ((n.height ?? 0) + GAP), 0);
  const widest = Math.max(...nodes.map((n) => n.width ?? 0));
  const rowLimit = Math.max(width - pad.left - pad.right, widest, Math.sqrt(area * 1.6));
  let y = height > 0 ? height - pad.bottom + GAP : pad.top;
  let x = pad.left;
  let rowHeight = 0;
  let right = 0;
  for (const n of nodes) {
    const w = n.width ?? 0;
    if (x > pad.left && x + w > pad.left + rowLimit) {
      y += rowHeight + GAP;
      x = pad.left;
      rowHeight = 0;
    }
    n.x = x;
    n.y = y;
    x += w + GAP;
    right = Math.max(right, x - GAP);
    rowHeight = Math.max(rowHeight, n.height ?? 0);
  }
  return { width: Math.max(width, right + pad.right), height: y + rowHeight + pad.bottom };
}

/** Parses ELK's `[top=…,left=…,bottom=…,right=…]` padding; missing sides are 0. */
export function parsePadding(text: string | undefined): Padding {
  const side = (name: string): number => Number(new RegExp(`${name}=(-?[\\d.]+)`).exec(text ?? '')?.[1] ?? 0);
  return { top: side('top'), left: side('left'), bottom: side('bottom'), right: side('right') };
}
