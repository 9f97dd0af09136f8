/**
 * Badges: a coloured pill with a word, so a SPOF or an overloaded component is
 * marked by text and outline as well as by colour.
 */
import type { Badge } from './graph-types';
import { textWidth } from './text-width';

export const BADGE_TEXT: Record<Badge, string> = { spof: 'SPOF', overload: 'OVERLOAD', hot: 'HOT' };
export const BADGE_MEANING: Record<Badge, string> = {
  spof: 'single point of failure: its failure alone takes an entry down',
  overload: 'utilisation at peak above 100%',
  hot: 'utilisation at peak above max-utilisation',
};
export const BADGE_HEIGHT = 14;
const GAP = 4;

export function badgeWidth(badge: Badge): number {
  return Math.ceil(textWidth(BADGE_TEXT[badge], 9, true) + 10);
}

/** Total width of a row of badges, for sizing the node around them. */
export function badgesWidth(badges: Badge[]): number {
  return badges.reduce((sum, b) => sum + badgeWidth(b) + GAP, 0);
}

/** Badges right-aligned so that the row ends at `right`, straddling y. */
export function drawBadges(badges: Badge[], right: number, y: number): string {
  let x = right;
  let out = '';
  for (const b of [...badges].reverse()) {
    const w = badgeWidth(b);
    x -= w;
    out +=
      `<g class="sysd-badge" data-badge="${b}">` +
      `<rect class="sysd-badge-${b}" x="${x}" y="${y - BADGE_HEIGHT / 2}" width="${w}" height="${BADGE_HEIGHT}" rx="7"/>` +
      `<text class="sysd-badge-text" x="${x + w / 2}" y="${y + 3.5}" text-anchor="middle">${BADGE_TEXT[b]}</text></g>`;
    x -= GAP;
  }
  return out;
}
