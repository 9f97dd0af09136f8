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
    entryPoints: [fileURLToPath(new URL('../../core/diagram/layout-worker.ts', import.meta.url))],
    bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile, logLevel: 'silent',
  });
  return outfile;
}
