/**
 * A bitmap of a large diagram, shown instead of the SVG while the view
 * moves. Chromium redraws an SVG layer whose scale changes a lot, and with a
 * thousand components (several thousand text runs) one such redraw takes
 * longer than a frame; a bitmap only has to be scaled. The bitmap is drawn
 * from the same SVG text an export writes, when the page is idle after each
 * change; while the view rests, the live SVG (sharp, clickable) is shown.
 */
import { exportSvgText } from './export';

/** Below this many elements the SVG itself moves smoothly enough. */
const LARGE = 400;
/** Longest side of the bitmap, in pixels: within every browser's canvas limits. */
const MAX_SIDE = 4096;

export class Snapshot {
  private bitmap: HTMLCanvasElement | undefined;
  private generation = 0;
  private timer: number | undefined;

  constructor(private readonly host: HTMLElement) {}

  static wanted(svg: SVGSVGElement): boolean {
    return svg.querySelectorAll('[data-sysd]').length >= LARGE;
  }

  /** Forgets the bitmap (a new diagram, a change of theme or what-if) and draws a new one when idle. */
  invalidate(svg: SVGSVGElement | undefined, css: string, palette: string): void {
    const generation = ++this.generation;
    this.host.classList.remove('sysd-has-snapshot');
    this.bitmap?.remove();
    this.bitmap = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (!svg || !css || !Snapshot.wanted(svg)) return;
    this.timer = window.setTimeout(() => void this.draw(svg, css, palette, generation), 300);
  }

  private async draw(svg: SVGSVGElement, css: string, palette: string, generation: number): Promise<void> {
    const width = Number(svg.getAttribute('width')) || 1;
    const height = Number(svg.getAttribute('height')) || 1;
    const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
    const url = URL.createObjectURL(new Blob([exportSvgText(svg, css, palette)], { type: 'image/svg+xml' }));
    try {
      const image = new Image();
      image.src = url;
      await image.decode();
      if (generation !== this.generation) return;
      const canvas = document.createElement('canvas');
      canvas.className = 'sysd-snapshot';
      canvas.width = Math.max(1, Math.round(width * scale));
      canvas.height = Math.max(1, Math.round(height * scale));
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
      if (generation !== this.generation) return;
      this.host.append(canvas);
      this.bitmap = canvas;
      this.host.classList.add('sysd-has-snapshot');
    } catch {
      // Without a bitmap the live SVG moves instead: slower, never wrong.
    } finally {
      URL.revokeObjectURL(url);
    }
  }
}
