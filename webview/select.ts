/**
 * Which element of the diagram a source offset belongs to: the innermost
 * component, zone, region or edge whose declaration covers it (an edge's
 * target name counts as its own, tighter range). The ranges are the server's
 * `data-range` attributes, valid only for the version the diagram was drawn from.
 */

function spanOf(el: Element, attr: string): [number, number] | undefined {
  const m = /^(\d+),(\d+)$/.exec(el.getAttribute(attr) ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export function elementAt(svg: SVGSVGElement, offset: number): Element | undefined {
  let best: Element | undefined;
  let bestSize = Infinity;
  for (const el of svg.querySelectorAll('[data-sysd][data-range]')) {
    const candidates = [spanOf(el, 'data-to-range'), spanOf(el, 'data-range')];
    for (const s of candidates) {
      if (!s || offset < s[0] || offset > s[1]) continue;
      const size = s[1] - s[0];
      if (size < bestSize) {
        best = el;
        bestSize = size;
      }
      break;
    }
  }
  return best;
}

export function rangeOf(el: Element): { range: [number, number]; selection: [number, number] } | undefined {
  const range = spanOf(el, 'data-range');
  if (!range) return undefined;
  let selection = spanOf(el, 'data-name-range') ?? spanOf(el, 'data-to-range') ?? range;
  if (selection[0] < range[0] || selection[1] > range[1]) selection = range;
  return { range, selection };
}
