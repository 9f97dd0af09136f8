/**
 * Text width estimates without a DOM. The SVG declares a fixed font stack
 * (FONT_FAMILY) whose first available member, DejaVu Sans or Verdana, has
 * these advance widths; they were measured once in headless Chromium at
 * 100px and are stored as hundredths of an em for ASCII 32..126.
 */

export const FONT_FAMILY = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif";

// prettier-ignore
const REGULAR = [
  32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53,
  100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50,
  50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
];
// prettier-ignore
const BOLD = [
  35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 58,
  100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50,
  50, 67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84,
];

/** Width in ems of one code point outside the measured ASCII range. */
function otherWidth(cp: number): number {
  // Combining marks take no room of their own.
  if (cp >= 0x300 && cp <= 0x36f) return 0;
  // East Asian wide characters and emoji are about one em wide.
  if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)) return 1;
  if ((cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)) return 1;
  if (cp >= 0x1f300) return 1.1;
  // Accented Latin, Greek, Cyrillic and symbols are close to an average lower-case letter.
  return 0.66;
}

/** Estimated width in pixels of `text` at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let ems = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    ems += cp >= 32 && cp < 127 ? table[cp - 32] / 100 : otherWidth(cp);
  }
  return ems * size;
}

/**
 * Shortens `text` with an ellipsis so that it fits `maxWidth` pixels. The full
 * text is kept elsewhere (a <title>) so nothing is lost to the reader.
 */
export function fitText(text: string, size: number, maxWidth: number, bold = false): string {
  if (textWidth(text, size, bold) <= maxWidth) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(chars.slice(0, mid).join('') + '…', size, bold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('') + '…';
}
