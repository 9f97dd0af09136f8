/**
 * The current view as a file: the SVG as shown (what-if greying included,
 * selection left out) with the theme's stylesheet inside and the palette VS
 * Code shows fixed, so the file looks the same anywhere; the PNG is that SVG
 * drawn on a canvas at twice its size (within the browser's canvas limits).
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const MAX_SIDE = 16_384;
const MAX_AREA = 120_000_000;

/** The palette class that matches VS Code's body class. */
export function currentPalette(body: HTMLElement): string {
  if (body.classList.contains('vscode-high-contrast-light')) return 'sysd-hc-light';
  if (body.classList.contains('vscode-high-contrast')) return 'sysd-hc-dark';
  return body.classList.contains('vscode-dark') ? 'sysd-dark' : 'sysd-light';
}

export function exportSvgText(svg: SVGSVGElement, css: string, palette: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.classList.remove('sysd-auto');
  clone.classList.add(palette);
  clone.querySelectorAll('.sysd-selected').forEach((el) => el.classList.remove('sysd-selected'));
  const style = document.createElementNS(SVG_NS, 'style');
  style.textContent = css;
  clone.insertBefore(style, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

export async function exportPng(svgText: string, width: number, height: number): Promise<string> {
  const scale = Math.max(0.05, Math.min(2, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height))));
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the diagram could not be drawn as an image'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas is available');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}
