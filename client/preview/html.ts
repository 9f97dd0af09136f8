/**
 * The preview webview's page: a fixed skeleton, nothing from the user in it.
 * Its content security policy admits no default source, scripts only by the
 * nonce, styles only from the extension's files (the diagram's theme is
 * dist/diagram.css, generated from core/diagram/theme.ts), and images only
 * from the extension and blob: URLs the page makes itself (the PNG export and
 * the moving bitmap draw the SVG on a canvas). Plain strings, no `vscode`, so the webview test loads the
 * very same page in Chromium.
 */

export interface PreviewPage {
  /** `webview.cspSource`: the origin the extension's files are served from. */
  cspSource: string;
  nonce: string;
  script: string;
  styles: string[];
}

/** Only what VS Code's URIs and our nonces contain reaches an attribute. */
function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} blob:`,
  ].join('; ');
}

export function previewHtml(page: PreviewPage): string {
  const links = page.styles.map((href) => `<link rel="stylesheet" href="${attr(href)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(page.cspSource, page.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${links}
<title>sysd preview</title>
</head>
<body>
<header id="sysd-toolbar" role="toolbar" aria-label="Diagram">
  <label id="sysd-system-label" hidden>System <select id="sysd-system"></select></label>
  <span id="sysd-file"></span>
  <span id="sysd-stale" role="status" hidden>Out of date: the file does not parse; this is its last good diagram.</span>
  <span class="sysd-spacer"></span>
  <button id="sysd-zoom-out" type="button" title="Zoom out (-)" aria-label="Zoom out">−</button>
  <span id="sysd-zoom-level" aria-live="polite">100%</span>
  <button id="sysd-zoom-in" type="button" title="Zoom in (+)" aria-label="Zoom in">+</button>
  <button id="sysd-fit" type="button" title="Fit to view (0)">Fit</button>
  <button id="sysd-whatif-open" type="button" aria-expanded="true" aria-controls="sysd-whatif">What-if</button>
  <button id="sysd-export-svg" type="button" title="Save the current view as SVG">SVG</button>
  <button id="sysd-export-png" type="button" title="Save the current view as PNG">PNG</button>
</header>
<div id="sysd-whatif-bar" role="status" hidden>
  <span id="sysd-whatif-summary"></span>
  <button id="sysd-whatif-clear" type="button">Clear</button>
</div>
<main id="sysd-main">
  <div id="sysd-viewport" tabindex="0" aria-label="Diagram; drag to pan, wheel to zoom">
    <div id="sysd-canvas"></div>
  </div>
  <aside id="sysd-whatif" aria-label="What-if: fail components, zones and regions"></aside>
</main>
<div id="sysd-message" role="status"></div>
<div id="sysd-tooltip" role="tooltip" hidden></div>
<script nonce="${attr(page.nonce)}" src="${attr(page.script)}"></script>
</body>
</html>
`;
}
