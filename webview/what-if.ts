/**
 * The what-if toggles and what they show. A toggle per region, zone and
 * component (`<button data-whatif="name">`) asks the host, which asks the
 * server; the answer (core's figures, already formatted) greys what is lost,
 * replaces figures lines and fills the summary. Clearing puts every text
 * back. Nothing is computed here.
 */
import type { PreviewElement, PreviewWhatIf } from '../protocol/preview';

const SECTIONS: [PreviewElement['kind'], string][] = [['region', 'Regions'], ['zone', 'Zones'], ['component', 'Components']];

export class WhatIfView {
  failed = new Set<string>();
  private readonly originals = new Map<Element, string>();

  constructor(
    private readonly list: HTMLElement,
    private readonly bar: HTMLElement,
    private readonly summary: HTMLElement,
    private readonly onChange: (failed: string[]) => void,
  ) {
    list.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button[data-whatif]');
      const name = button?.getAttribute('data-whatif');
      if (!name) return;
      if (this.failed.has(name)) this.failed.delete(name);
      else this.failed.add(name);
      this.syncButtons();
      this.summary.textContent = this.failed.size ? 'Computing what fails…' : '';
      this.bar.hidden = this.failed.size === 0;
      this.onChange([...this.failed]);
    });
  }

  /** One toggle per element, grouped by kind; failures of names that are gone are dropped. */
  setElements(elements: PreviewElement[]): void {
    const names = new Set(elements.map((e) => e.name));
    for (const n of [...this.failed]) if (!names.has(n)) this.failed.delete(n);
    const heading = document.createElement('h2');
    heading.textContent = 'What if it fails?';
    const parts: Node[] = [heading];
    for (const [kind, title] of SECTIONS) {
      const items = elements.filter((e) => e.kind === kind);
      if (!items.length) continue;
      const h = document.createElement('h3');
      h.textContent = title;
      const ul = document.createElement('ul');
      for (const e of items) {
        const li = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'sysd-toggle';
        button.setAttribute('data-whatif', e.name);
        button.setAttribute('data-kind', e.kind);
        button.textContent = e.name;
        button.title = `Fail ${e.kind} ${e.name}`;
        li.append(button);
        ul.append(li);
      }
      parts.push(h, ul);
    }
    this.list.replaceChildren(...parts);
    this.syncButtons();
  }

  private syncButtons(): void {
    for (const b of this.list.querySelectorAll('button[data-whatif]')) {
      b.setAttribute('aria-pressed', String(this.failed.has(b.getAttribute('data-whatif') ?? '')));
    }
  }

  /** Shows an answer on the diagram, or restores it when there is none. */
  apply(svg: SVGSVGElement | undefined, result: PreviewWhatIf | undefined, error?: string): void {
    this.restore(svg);
    if (error) {
      this.bar.hidden = false;
      this.summary.textContent = error;
      return;
    }
    if (!result || !svg) {
      this.bar.hidden = this.failed.size === 0;
      if (!result) this.summary.textContent = '';
      return;
    }
    // An answer to an older set of toggles is not shown.
    if (result.failed.length !== this.failed.size || !result.failed.every((n) => this.failed.has(n))) return;
    const lost = new Set(result.lost);
    for (const el of svg.querySelectorAll('[data-sysd]')) {
      const name = el.getAttribute('data-name');
      const gone = name ? lost.has(name) : lost.has(el.getAttribute('data-from') ?? '') || lost.has(el.getAttribute('data-to') ?? '');
      if (gone && el !== svg) el.classList.add('sysd-lost');
      const figures = name ? result.figures[name] : undefined;
      const line = figures !== undefined ? el.querySelector(':scope > text.sysd-figures') : null;
      if (line) this.replace(line, figures!);
    }
    const systemLine = svg.querySelector(':scope > text.sysd-figures');
    if (systemLine && result.systemFigures) this.replace(systemLine, result.systemFigures);
    this.bar.hidden = false;
    this.summary.textContent = result.summary;
  }

  private replace(el: Element, text: string): void {
    if (!this.originals.has(el)) this.originals.set(el, el.textContent ?? '');
    el.textContent = text;
    el.classList.add('sysd-whatif-figures');
  }

  private restore(svg: SVGSVGElement | undefined): void {
    for (const [el, text] of this.originals) {
      el.textContent = text;
      el.classList.remove('sysd-whatif-figures');
    }
    this.originals.clear();
    svg?.querySelectorAll('.sysd-lost').forEach((el) => el.classList.remove('sysd-lost'));
  }

  clear(): void {
    this.failed.clear();
    this.syncButtons();
  }
}
