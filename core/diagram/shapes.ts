/**
 * One outline per component kind, so a reader can tell a database from a
 * queue without reading the caption (the caption is there too, for anyone
 * who cannot). Each shape draws itself in local coordinates (0,0)–(w,h) and
 * says how much room its text needs to keep clear of the outline.
 */
import type { ComponentKind } from '../model/types';

export interface Insets {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ShapeSpec {
  /** What the legend calls it. */
  name: string;
  /** Padding inside the outline that the text must leave free. */
  insets: Insets;
  /** SVG elements (with class sysd-shape) for a w×h outline. */
  draw(w: number, h: number): string;
}

const n = (v: number): string => String(Math.round(v * 10) / 10);
const pts = (list: [number, number][]): string => list.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
const pad = (left: number, right = left, top = 4, bottom = 4): Insets => ({ left, right, top, bottom });

const roundedRect = (w: number, h: number, r: number): string =>
  `<rect class="sysd-shape" x="0" y="0" width="${n(w)}" height="${n(h)}" rx="${n(r)}"/>`;

const person = `<g class="sysd-glyph"><circle cx="14" cy="21" r="4"/><path d="M6 35 a8 8 0 0 1 16 0"/></g>`;
const globe = `<g class="sysd-glyph"><circle cx="15" cy="26" r="7"/><ellipse cx="15" cy="26" rx="3" ry="7"/><path d="M8 26 h14"/></g>`;
const bolt = `<g class="sysd-glyph"><path d="M17 17 l-6 10 h5 l-3 9 l8 -12 h-5 z"/></g>`;

// Glyphs are drawn for a 52px-high box; this centres them on any height.
const glyph = (markup: string, h: number): string => `<g transform="translate(0,${n(h / 2 - 26)})">${markup}</g>`;

const SHAPES: Record<ComponentKind, ShapeSpec> = {
  users: {
    name: 'users (entry)',
    insets: pad(26, 16),
    draw: (w, h) => roundedRect(w, h, h / 2) + glyph(person, h),
  },
  client: {
    name: 'client (entry)',
    insets: pad(26, 16),
    draw: (w, h) => roundedRect(w, h, h / 2) + glyph(person, h),
  },
  dns: {
    name: 'dns',
    insets: pad(12),
    draw: (w, h) => {
      const c = 10;
      return `<polygon class="sysd-shape" points="${pts([[c, 0], [w - c, 0], [w, c], [w, h - c], [w - c, h], [c, h], [0, h - c], [0, c]])}"/>`;
    },
  },
  cdn: {
    name: 'cdn',
    insets: pad(28, 10),
    draw: (w, h) => roundedRect(w, h, 6) + glyph(globe, h),
  },
  lb: {
    name: 'load balancer',
    insets: pad(20),
    draw: (w, h) => {
      const c = 14;
      return `<polygon class="sysd-shape" points="${pts([[c, 0], [w - c, 0], [w, h / 2], [w - c, h], [c, h], [0, h / 2]])}"/>`;
    },
  },
  gateway: {
    name: 'gateway',
    insets: pad(10, 18),
    draw: (w, h) => {
      const c = 12;
      return `<polygon class="sysd-shape" points="${pts([[0, 0], [w - c, 0], [w, h / 2], [w - c, h], [0, h]])}"/>`;
    },
  },
  service: {
    name: 'service',
    insets: pad(10),
    draw: (w, h) => roundedRect(w, h, 6),
  },
  worker: {
    name: 'worker',
    insets: pad(10, 14, 4, 8),
    draw: (w, h) =>
      `<rect class="sysd-shape" x="5" y="5" width="${n(w - 5)}" height="${n(h - 5)}" rx="6"/>` +
      `<rect class="sysd-shape" x="0" y="0" width="${n(w - 5)}" height="${n(h - 5)}" rx="6"/>`,
  },
  function: {
    name: 'function',
    insets: pad(18),
    draw: (w, h) => {
      const s = 10;
      return `<polygon class="sysd-shape" points="${pts([[s, 0], [w, 0], [w - s, h], [0, h]])}"/>`;
    },
  },
  cache: {
    name: 'cache',
    insets: pad(26, 10),
    draw: (w, h) => roundedRect(w, h, 2) + glyph(bolt, h),
  },
  database: {
    name: 'database',
    insets: pad(10, 10, 10, 6),
    draw: (w, h) => {
      const ry = 6;
      return (
        `<path class="sysd-shape" d="M0 ${ry} A${n(w / 2)} ${ry} 0 0 1 ${n(w)} ${ry} V${n(h - ry)} A${n(w / 2)} ${ry} 0 0 1 0 ${n(h - ry)} Z"/>` +
        `<path class="sysd-shape" d="M0 ${ry} A${n(w / 2)} ${ry} 0 0 0 ${n(w)} ${ry}"/>`
      );
    },
  },
  storage: {
    name: 'storage',
    insets: pad(10, 10, 10, 4),
    draw: (w, h) => {
      const t = 7;
      const tab = Math.min(40, w / 3);
      return `<path class="sysd-shape" d="M0 ${t} V${n(h)} H${n(w)} V${t} H${n(tab + 6)} L${n(tab)} 0 H4 L0 4 Z"/>`;
    },
  },
  queue: {
    name: 'queue',
    insets: pad(14, 22),
    draw: (w, h) => {
      const rx = 8;
      return (
        `<path class="sysd-shape" d="M${rx} 0 H${n(w - rx)} A${rx} ${n(h / 2)} 0 0 1 ${n(w - rx)} ${n(h)} H${rx} A${rx} ${n(h / 2)} 0 0 1 ${rx} 0 Z"/>` +
        `<path class="sysd-shape" d="M${n(w - rx)} 0 A${rx} ${n(h / 2)} 0 0 0 ${n(w - rx)} ${n(h)}"/>`
      );
    },
  },
  external: {
    name: 'external',
    insets: pad(22, 22, 8, 8),
    draw: (w, h) =>
      `<path class="sysd-shape" d="M${n(w * 0.14)} ${n(h)} ` +
      `A${n(w * 0.14)} ${n(h * 0.26)} 0 0 1 ${n(w * 0.08)} ${n(h * 0.5)} ` +
      `A${n(w * 0.16)} ${n(h * 0.3)} 0 0 1 ${n(w * 0.3)} ${n(h * 0.12)} ` +
      `A${n(w * 0.22)} ${n(h * 0.28)} 0 0 1 ${n(w * 0.7)} ${n(h * 0.1)} ` +
      `A${n(w * 0.16)} ${n(h * 0.3)} 0 0 1 ${n(w * 0.92)} ${n(h * 0.5)} ` +
      `A${n(w * 0.14)} ${n(h * 0.26)} 0 0 1 ${n(w * 0.86)} ${n(h)} Z"/>`,
  },
};

export function shapeFor(kind: ComponentKind): ShapeSpec {
  return SHAPES[kind] ?? SHAPES.service;
}

/** Kinds whose outline is filled as a data store. */
export function isStore(kind: ComponentKind): boolean {
  return kind === 'database' || kind === 'storage' || kind === 'queue' || kind === 'cache';
}
