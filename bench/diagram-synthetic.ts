/**
 * Synthetic .sysd systems for the diagram bench and the layout tests: two
 * regions of three zones, components in layers with calls to the next layer,
 * some async and optional edges. Deterministic for a given size.
 */
import { parse } from '../grammar/parse';
import { buildModel } from '../core/model/build';
import type { SystemModel } from '../core/model/types';

const KINDS = ['service', 'service', 'worker', 'cache', 'database', 'queue', 'function', 'gateway'];

export function syntheticText(nodes: number, seed = 7): string {
  let s = seed;
  const rand = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const width = Math.max(3, Math.round(Math.sqrt(nodes)));
  const lines = ['system big {', '  users people { rps: 1k }'];
  const regions = ['r0', 'r1'];
  const perZone: string[][] = [];
  for (const r of regions) {
    lines.push(`  region ${r} {`);
    for (let z = 0; z < 3; z++) {
      const members: string[] = [];
      perZone.push(members);
      lines.push(`    zone ${r}-z${z} {`, '__ZONE__' + (perZone.length - 1), '    }');
    }
    lines.push('  }');
  }
  const top: string[] = [];
  const edges: string[] = [];
  for (let i = 0; i < nodes - 1; i++) {
    const kind = KINDS[Math.floor(rand() * KINDS.length)];
    const decl = `${kind} c${i} { replicas: ${1 + (i % 3)}; capacity: 1k rps }`;
    if (i % 4 === 0) top.push(`  ${decl}`);
    else perZone[i % perZone.length].push(`      ${decl}`);
    if (i < width) edges.push(`  people -> c${i}`);
    else {
      const from = i - width - Math.floor(rand() * Math.min(width, i - width + 1));
      const arrow = rand() < 0.15 ? '~>' : '->';
      edges.push(`  c${Math.max(0, from)} ${arrow} c${i}${rand() < 0.1 ? ' { optional }' : ''}`);
    }
  }
  const body = lines.map((l) => (l.startsWith('__ZONE__') ? perZone[Number(l.slice(8))].join('\n') : l)).filter(Boolean);
  return [...body, ...top, ...edges, '}'].join('\n');
}

export function syntheticSystem(nodes: number): SystemModel {
  const text = syntheticText(nodes);
  return buildModel(parse(text).ast, text).systems[0];
}

const VERBS = ['reads', 'writes', 'calls', 'publishes', 'looks up', 'charges'];

/**
 * The synthetic system with the edges a real design has: about 1.5 edges
 * per component, every one labelled (a verb, sometimes a share), so edge
 * labels weigh in the layout as they do in a real diagram.
 */
export function realisticText(nodes: number, seed = 11): string {
  let s = seed;
  const rand = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const base = syntheticText(nodes, seed).split('\n');
  const close = base.pop()!;
  // Label the one edge each component already has, then add one more for every other component.
  const labelled = base.map((line) => (/^ {2}\S+ (->|~>) \S+/.test(line) && !line.includes('{') ? `${line} "${VERBS[Math.floor(rand() * VERBS.length)]}"` : line));
  const width = Math.max(3, Math.round(Math.sqrt(nodes)));
  for (let i = width; i < nodes - 1; i += 2) {
    const from = Math.max(0, i - 1 - Math.floor(rand() * Math.min(2 * width, i)));
    if (from === i) continue;
    labelled.push(`  c${from} -> c${i} "${VERBS[Math.floor(rand() * VERBS.length)]}" { share: ${10 + Math.floor(rand() * 80)}% }`);
  }
  return [...labelled, close].join('\n');
}

export function realisticSystem(nodes: number): SystemModel {
  const text = realisticText(nodes);
  return buildModel(parse(text).ast, text).systems[0];
}
