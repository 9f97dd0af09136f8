/**
 * The tooltip: the server's hover text for a component, zone or region, or
 * the edge's own title, always set as text. It follows the pointer and stays
 * inside the panel.
 */
export class Tooltip {
  constructor(private readonly el: HTMLElement) {}

  show(text: string, clientX: number, clientY: number): void {
    if (!text) return this.hide();
    if (this.el.textContent !== text) this.el.textContent = text;
    this.el.hidden = false;
    const pad = 14;
    const { innerWidth: w, innerHeight: h } = window;
    const box = this.el.getBoundingClientRect();
    const left = clientX + pad + box.width > w ? Math.max(0, clientX - pad - box.width) : clientX + pad;
    const top = clientY + pad + box.height > h ? Math.max(0, clientY - pad - box.height) : clientY + pad;
    this.el.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  hide(): void {
    this.el.hidden = true;
  }
}
