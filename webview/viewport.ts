/**
 * Pan and zoom. The diagram is one SVG inside a canvas element moved by a
 * CSS transform, so a frame costs a composite, not a re-render of thousands
 * of elements: while the view moves the canvas is a layer (`will-change`),
 * and once it rests the layer is dropped so the text is drawn sharp at the
 * new scale. Animation (fit, scroll into view) is off with reduced motion.
 */

export interface View {
  zoom: number;
  x: number;
  y: number;
}

const MIN_ZOOM = 0.02;
const MAX_ZOOM = 8;

export class Viewport {
  view: View = { zoom: 1, x: 0, y: 0 };
  private width = 0;
  private height = 0;
  private settle: number | undefined;
  reducedMotion = false;
  /** The last press moved the view: the click that follows it is not a click on an element. */
  dragged = false;
  onChange: (view: View) => void = () => undefined;

  constructor(
    private readonly frame: HTMLElement,
    private readonly canvas: HTMLElement,
  ) {}

  /** The diagram's natural size, from its SVG. */
  setContent(width: number, height: number): void {
    this.width = width;
    this.height = height;
  }

  get hasContent(): boolean {
    return this.width > 0 && this.height > 0;
  }

  set(view: View, animate = false): void {
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.zoom));
    this.view = { zoom, x: view.x, y: view.y };
    this.canvas.classList.toggle('sysd-animate', animate && !this.reducedMotion);
    this.canvas.classList.add('sysd-moving');
    this.canvas.style.transform = `translate(${this.view.x}px, ${this.view.y}px) scale(${zoom})`;
    this.setDetail(zoom);
    if (this.settle !== undefined) clearTimeout(this.settle);
    this.settle = window.setTimeout(() => this.canvas.classList.remove('sysd-moving', 'sysd-animate'), 200);
    this.onChange(this.view);
  }

  /**
   * Text too small to read is not drawn: below 50% the small print (kinds,
   * figures, edge labels), below 25% every word. Drawing thousands of
   * unreadable glyphs is most of what a frame of a zoomed-out large diagram
   * costs; the class changes only when a threshold is crossed.
   */
  private detail = '';
  private setDetail(zoom: number): void {
    const detail = zoom < 0.25 ? 'sysd-detail-none' : zoom < 0.5 ? 'sysd-detail-low' : '';
    if (detail === this.detail) return;
    if (this.detail) this.canvas.classList.remove(this.detail);
    if (detail) this.canvas.classList.add(detail);
    this.detail = detail;
  }

  /** Zooms by `factor` keeping the point (px, py) of the frame still. */
  zoomAt(factor: number, px: number, py: number, animate = false): void {
    const { zoom, x, y } = this.view;
    const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom * factor));
    const k = next / zoom;
    this.set({ zoom: next, x: px - (px - x) * k, y: py - (py - y) * k }, animate);
  }

  zoomBy(factor: number): void {
    this.zoomAt(factor, this.frame.clientWidth / 2, this.frame.clientHeight / 2, true);
  }

  panBy(dx: number, dy: number): void {
    this.set({ ...this.view, x: this.view.x + dx, y: this.view.y + dy });
  }

  /** The whole diagram in view, never enlarged past its natural size. */
  fit(animate = true): void {
    if (!this.hasContent) return;
    const fw = Math.max(1, this.frame.clientWidth);
    const fh = Math.max(1, this.frame.clientHeight);
    const zoom = Math.min(1, (fw - 16) / this.width, (fh - 16) / this.height);
    this.set({ zoom, x: (fw - this.width * zoom) / 2, y: Math.max(8, (fh - this.height * zoom) / 2) }, animate);
  }

  /** Pans so that a rectangle in the diagram's coordinates is in view, centred if it was not. */
  reveal(box: { x: number; y: number; width: number; height: number }): void {
    const { zoom, x, y } = this.view;
    const fw = this.frame.clientWidth;
    const fh = this.frame.clientHeight;
    const left = x + box.x * zoom;
    const top = y + box.y * zoom;
    const inside = left >= 0 && top >= 0 && left + box.width * zoom <= fw && top + box.height * zoom <= fh;
    if (inside) return;
    this.set({ zoom, x: fw / 2 - (box.x + box.width / 2) * zoom, y: fh / 2 - (box.y + box.height / 2) * zoom }, true);
  }

  /** Wheel zooms (a pinch arrives as a wheel with ctrl), shift+wheel or a sideways wheel pans; dragging pans. */
  attach(): void {
    this.frame.addEventListener('wheel', (event) => {
      event.preventDefault();
      if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        this.panBy(-(event.deltaX || event.deltaY), 0);
        return;
      }
      const rect = this.frame.getBoundingClientRect();
      const step = event.ctrlKey ? 0.01 : 0.0015;
      this.zoomAt(Math.exp(-event.deltaY * step), event.clientX - rect.left, event.clientY - rect.top);
    }, { passive: false });

    let drag: { x: number; y: number; id: number; moved: boolean } | undefined;
    this.frame.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      drag = { x: event.clientX, y: event.clientY, id: event.pointerId, moved: false };
      this.dragged = false;
    });
    this.frame.addEventListener('pointermove', (event) => {
      if (!drag || event.pointerId !== drag.id) return;
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) this.frame.setPointerCapture(drag.id);
      drag.moved = true;
      drag.x = event.clientX;
      drag.y = event.clientY;
      this.panBy(dx, dy);
    });
    const end = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.id) return;
      this.dragged = drag.moved;
      drag = undefined;
    };
    this.frame.addEventListener('pointerup', end);
    this.frame.addEventListener('pointercancel', end);

    this.frame.addEventListener('keydown', (event) => {
      const keys: Record<string, () => void> = {
        '+': () => this.zoomBy(1.25), '=': () => this.zoomBy(1.25), '-': () => this.zoomBy(0.8), '0': () => this.fit(),
        ArrowLeft: () => this.panBy(40, 0), ArrowRight: () => this.panBy(-40, 0), ArrowUp: () => this.panBy(0, 40), ArrowDown: () => this.panBy(0, -40),
      };
      const action = keys[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    });
  }
}
