/**
 * Shared set-up for the diagram tests: the examples through the real
 * pipeline, and a hand-built system for cases the examples do not cover.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { buildSync } from 'esbuild';
import { analyseText } from '../../core/index';
import type { SystemFigures } from '../../core/analysis/types';
import type { SystemModel } from '../../core/model/types';
import type { DiagramNode } from '../../core/diagram/index';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples', import.meta.url));
export const GOLDEN_DIR = fileURLToPath(new URL('../fixtures/diagram', import.meta.url));

export interface ExampleSystem {
  file: string;
  system: SystemModel;
  figures: SystemFigures | undefined;
  text: string;
}

export function exampleSystems(): ExampleSystem[] {
  const out: ExampleSystem[] = [];
  for (const file of readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.sysd')).sort()) {
    const text = readFileSync(join(EXAMPLES_DIR, file), 'utf8');
    const a = analyseText(text);
    a.model.systems.forEach((system, i) => out.push({ file, system, figures: a.systems[i], text }));
  }
  return out;
}

export function analyse(text: string): { system: SystemModel; figures: SystemFigures | undefined } {
  const a = analyseText(text);
  return { system: a.model.systems[0], figures: a.systems[0] };
}

/** Every tag the renderer writes; anything else would be injected markup. */
export const ALLOWED_TAGS = new Set(['svg', 'title', 'style', 'defs', 'marker', 'path', 'circle', 'ellipse', 'rect', 'polygon', 'g', 'text']);

export function assertSafeSvg(svg: string): void {
  assert.equal(XMLValidator.validate(svg), true, 'the SVG parses as XML');
  for (const m of svg.matchAll(/<\/?([A-Za-z][\w:-]*)/g)) assert.ok(ALLOWED_TAGS.has(m[1]), `unexpected element <${m[1]}>`);
  for (const name of attributeNames(svg)) {
    assert.ok(!/^on/i.test(name) && !/href$/i.test(name), `unexpected attribute ${name}`);
  }
}

export function count(svg: string, attr: string): number {
  return svg.split(attr).length - 1;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', isArray: () => true });

/** All text content of <text> and <title> elements, unescaped by the XML parser. */
export function texts(svg: string): string[] {
  const out: string[] = [];
  (function walk(node: unknown, tag: string): void {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, tag));
    if (typeof node === 'string' || typeof node === 'number') {
      if (tag === 'text' || tag === 'title') out.push(String(node));
      return;
    }
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '#text') walk(v, tag);
        else if (!k.startsWith('@')) walk(v, k);
      }
    }
  })(parser.parse(svg), '');
  return out;
}

/** Every attribute name in the document, as the XML parser reads it. */
function attributeNames(svg: string): Set<string> {
  const names = new Set<string>();
  (function walk(node: unknown): void {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k.startsWith('@')) names.add(k.slice(1));
        else walk(v);
      }
    }
  })(parser.parse(svg));
  return names;
}

/**
 * The worker entry bundled as the build does (dist/layout-worker.js), since a
 * worker thread does not inherit tsx's loader and cannot run .ts itself.
 */
export function bundledWorker(): string {
  const outfile = join(tmpdir(), `sysd-layout-worker-${process.pid}.js`);
  buildSync({
    entryPoints: [fileURLToPath(new URL('../../node/layout-worker.ts', import.meta.url))],
    bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile, logLevel: 'silent',
  });
  return outfile;
}

/** Checks, from the SVG itself, that each edge path begins and ends on the boundary of its nodes' boxes. */
export function assertEdgesTouch(laid: DiagramNode, svg: string): void {
  const size = new Map<string, { w: number; h: number }>();
  (function walk(n: DiagramNode): void {
    if (n.sysd?.type === 'component') size.set(n.sysd.name, { w: n.width!, h: n.height! });
    n.children?.forEach(walk);
  })(laid);
  const boxes = new Map<string, { x: number; y: number; w: number; h: number }>();
  for (const m of svg.matchAll(/data-sysd="component" data-name="([^"]+)"[^>]*transform="translate\(([-\d.]+),([-\d.]+)\)"/g)) {
    boxes.set(m[1], { x: Number(m[2]), y: Number(m[3]), ...size.get(m[1])! });
  }
  const onBoundary = (p: { x: number; y: number }, b: { x: number; y: number; w: number; h: number }): boolean => {
    const eps = 1.5;
    const inX = p.x >= b.x - eps && p.x <= b.x + b.w + eps;
    const inY = p.y >= b.y - eps && p.y <= b.y + b.h + eps;
    const onX = Math.abs(p.x - b.x) <= eps || Math.abs(p.x - b.x - b.w) <= eps;
    const onY = Math.abs(p.y - b.y) <= eps || Math.abs(p.y - b.y - b.h) <= eps;
    return (inX && onY) || (inY && onX);
  };
  let checked = 0;
  for (const m of svg.matchAll(/data-sysd="edge" data-from="([^"]+)" data-to="([^"]+)"[\s\S]*?<path class="sysd-edge-line" d="([^"]+)"/g)) {
    const nums = m[3].match(/-?[\d.]+/g)!.map(Number);
    const start = { x: nums[0], y: nums[1] };
    const end = { x: nums[nums.length - 2], y: nums[nums.length - 1] };
    if (m[1] === m[2]) continue;
    assert.ok(onBoundary(start, boxes.get(m[1])!), `edge ${m[1]} -> ${m[2]} starts at ${JSON.stringify(start)}, off ${m[1]}'s box ${JSON.stringify(boxes.get(m[1]))}`);
    assert.ok(onBoundary(end, boxes.get(m[2])!), `edge ${m[1]} -> ${m[2]} ends at ${JSON.stringify(end)}, off ${m[2]}'s box ${JSON.stringify(boxes.get(m[2]))}`);
    checked++;
  }
  assert.ok(checked > 0, 'some edges were checked');
}

/**
 * Asserts that no two siblings overlap anywhere in a laid-out graph and, with
 * `contained`, that every child lies inside its parent's box.
 */
export function assertLaidOutApart(node: DiagramNode, opts: { contained?: boolean } = {}): void {
  const kids = node.children ?? [];
  if (opts.contained) {
    for (const k of kids) {
      assert.ok(k.x! >= 0 && k.y! >= 0 && k.x! + k.width! <= node.width! + 0.5 && k.y! + k.height! <= node.height! + 0.5, `${k.id} lies inside ${node.id}`);
    }
  }
  for (let i = 0; i < kids.length; i++)
    for (let j = i + 1; j < kids.length; j++) {
      const [a, b] = [kids[i], kids[j]];
      const apart = a.x! + a.width! <= b.x! || b.x! + b.width! <= a.x! || a.y! + a.height! <= b.y! || b.y! + b.height! <= a.y!;
      assert.ok(apart, `${a.id} and ${b.id} overlap`);
    }
  for (const k of kids) assertLaidOutApart(k, opts);
}
