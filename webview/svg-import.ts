/**
 * The server's SVG into the page without ever treating text as HTML. It is
 * parsed as XML (a parser that runs no script and loads nothing), and only
 * the elements and attributes the renderer writes are kept: no script, no
 * foreignObject, no event handler, no link that is not a fragment. User text
 * was escaped by the server; this is the second wall. The tooltips replace
 * the SVG's <title>s, whose text is kept for edges.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const ELEMENTS = new Set(['svg', 'g', 'rect', 'path', 'text', 'tspan', 'title', 'defs', 'marker', 'circle', 'ellipse', 'line', 'polyline', 'polygon']);
const ATTRIBUTES = new Set([
  'xmlns', 'class', 'viewBox', 'width', 'height', 'role', 'aria-label', 'x', 'y', 'rx', 'ry', 'cx', 'cy', 'r', 'd', 'points',
  'x1', 'x2', 'y1', 'y2', 'transform', 'text-anchor', 'refX', 'refY', 'markerWidth', 'markerHeight', 'orient', 'id',
  'marker-start', 'marker-end', 'marker-mid',
]);

export interface Imported {
  svg: SVGSVGElement;
  /** The <title> text of each element that had one (edges' tooltips). */
  titles: WeakMap<Element, string>;
}

function allowed(name: string, value: string): boolean {
  if (name.startsWith('data-')) return /^data-[a-z-]+$/.test(name);
  if (!ATTRIBUTES.has(name)) return false;
  // References point inside the document only.
  if (name.startsWith('marker-')) return /^url\(#[A-Za-z0-9_-]+\)$/.test(value);
  return !/javascript:|url\(/i.test(value);
}

export function importSvg(text: string): Imported | undefined {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg' || doc.getElementsByTagName('parsererror').length) return undefined;
  const titles = new WeakMap<Element, string>();
  const clean = (el: Element): void => {
    for (const child of [...el.children]) {
      if (child.namespaceURI !== SVG_NS || !ELEMENTS.has(child.localName)) {
        child.remove();
        continue;
      }
      if (child.localName === 'title') {
        titles.set(el, child.textContent ?? '');
        child.remove();
        continue;
      }
      clean(child);
    }
    for (const attr of [...el.attributes]) if (!allowed(attr.name, attr.value)) el.removeAttribute(attr.name);
  };
  clean(root);
  const svg = document.importNode(root, true) as unknown as SVGSVGElement;
  // importNode made new elements: carry the titles over by walking both trees in step.
  const moved = new WeakMap<Element, string>();
  const walk = (a: Element, b: Element): void => {
    const t = titles.get(a);
    if (t !== undefined) moved.set(b, t);
    for (let i = 0; i < a.children.length; i++) walk(a.children[i], b.children[i]);
  };
  walk(root, svg);
  return { svg, titles: moved };
}
