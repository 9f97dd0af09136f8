/**
 * The legend under the diagram: the shapes, line styles and badges that
 * appear in it, and how to read the figures line. Only what the diagram uses
 * is listed, so the legend stays short.
 */
import { BADGE_MEANING, badgeWidth, drawBadges } from './badges';
import type { EdgeStyle, SystemMeta } from './graph-types';
import { shapeFor } from './shapes';
import { textWidth } from './text-width';

const ROW = 28;
const PAD = 10;

const STYLE_TEXT: Record<EdgeStyle, string> = {
  sync: 'call (->), needed',
  async: 'message (~>), asynchronous',
  optional: 'optional: caller degrades, does not fail',
  alternative: 'alternative: either target will do (a -> b | c)',
};

export interface LegendOut {
  svg: string;
  width: number;
  height: number;
}

/** Lays the legend out in rows no wider than `maxWidth`; `markers` is the id suffix of the arrow markers. */
export function renderLegend(meta: SystemMeta, maxWidth: number, markers: string, withFigures: boolean): LegendOut {
  const items: { w: number; draw: (x: number, y: number) => string }[][] = [];
  const kinds = meta.kinds.map((k) => {
    const name = shapeFor(k).name;
    return {
      w: 40 + textWidth(name, 11) + 16,
      draw: (x: number, y: number) =>
        `<g transform="translate(${x},${y - 10}) scale(0.5)">${shapeFor(k).draw(64, 40)}</g>` +
        `<text class="sysd-legend-text" x="${x + 40}" y="${y + 4}">${name}</text>`,
    };
  });
  const styles = meta.edgeStyles.map((s) => ({
    w: 52 + textWidth(STYLE_TEXT[s], 11) + 16,
    draw: (x: number, y: number) => {
      const cls = s === 'alternative' ? 'sysd-sync sysd-alternative' : `sysd-${s}`;
      const start = s === 'alternative' ? ` marker-start="url(#sysd-alt-${markers})"` : '';
      return (
        `<g class="sysd-edge ${cls}"><path class="sysd-edge-line" d="M${x + 4} ${y} H${x + 40}" marker-end="url(#sysd-arrow-${markers})"${start}/></g>` +
        `<text class="sysd-legend-text" x="${x + 52}" y="${y + 4}">${STYLE_TEXT[s]}</text>`
      );
    },
  }));
  const badges = meta.badges.map((b) => ({
    w: badgeWidth(b) + 8 + textWidth(BADGE_MEANING[b], 11) + 16,
    draw: (x: number, y: number) =>
      drawBadges([b], x + badgeWidth(b), y) + `<text class="sysd-legend-text" x="${x + badgeWidth(b) + 8}" y="${y + 4}">${BADGE_MEANING[b]}</text>`,
  }));
  const figuresText = 'second line: ×replicas · availability · utilisation at peak (entries: rps · availability)';
  const figures = withFigures ? [{ w: textWidth(figuresText, 11), draw: (x: number, y: number) => `<text class="sysd-legend-text" x="${x}" y="${y + 4}">${figuresText}</text>` }] : [];
  for (const group of [kinds, styles, badges, figures]) if (group.length) items.push(group);
  if (items.length === 0) return { svg: '', width: 0, height: 0 };

  let body = '';
  let y = PAD + 18 + ROW / 2;
  let widest = textWidth('Legend', 11, true);
  for (const group of items) {
    let x = PAD;
    for (const item of group) {
      if (x > PAD && x + item.w > maxWidth - PAD) {
        x = PAD;
        y += ROW;
      }
      body += item.draw(x, y);
      x += item.w;
      widest = Math.max(widest, x);
    }
    y += ROW;
  }
  const width = Math.ceil(Math.min(Math.max(widest + PAD, 0), Math.max(maxWidth, widest + PAD)));
  const height = Math.ceil(y - ROW / 2 + PAD);
  const svg =
    `<g class="sysd-legend"><rect class="sysd-legend-box" x="0" y="0" width="${width}" height="${height}" rx="6"/>` +
    `<text class="sysd-legend-title" x="${PAD}" y="${PAD + 12}">Legend</text>${body}</g>`;
  return { svg, width, height };
}
