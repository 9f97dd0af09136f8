/**
 * Colours as CSS custom properties, with a light and a dark palette. The SVG
 * never hard-codes a colour on an element: it uses var(--sysd-*), so the
 * preview can follow VS Code's theme (body.vscode-dark / vscode-light /
 * vscode-high-contrast, vscode-high-contrast-light) and a user stylesheet
 * can override any of them. The preview cannot carry the SVG's inline
 * <style> under its content security policy, so the build writes the same
 * text to dist/diagram.css (scripts/build.mjs) and the renderer leaves it out.
 */
import { FONT_FAMILY } from './text-width';

export type ThemeName = 'light' | 'dark' | 'hc-dark' | 'hc-light' | 'auto';

export const THEME_VARIABLES = [
  'bg', 'fg', 'muted', 'node-fill', 'node-stroke', 'entry-fill', 'store-fill', 'external-fill',
  'region-fill', 'zone-fill', 'group-stroke', 'edge', 'edge-label-bg',
  'spof', 'overload', 'hot', 'badge-fg',
] as const;
export type ThemeVariable = (typeof THEME_VARIABLES)[number];

export const LIGHT: Record<ThemeVariable, string> = {
  bg: '#ffffff',
  fg: '#1f2328',
  muted: '#57606a',
  'node-fill': '#f6f8fa',
  'node-stroke': '#57606a',
  'entry-fill': '#ddf4ff',
  'store-fill': '#fff8e5',
  'external-fill': '#f0f0f0',
  'region-fill': '#f3f0ff',
  'zone-fill': '#eef6ee',
  'group-stroke': '#8c959f',
  edge: '#424a53',
  'edge-label-bg': '#ffffff',
  spof: '#cf222e',
  overload: '#a40e26',
  hot: '#bc4c00',
  'badge-fg': '#ffffff',
};

export const DARK: Record<ThemeVariable, string> = {
  bg: '#1e1e1e',
  fg: '#e6edf3',
  muted: '#9da7b3',
  'node-fill': '#2d333b',
  'node-stroke': '#9da7b3',
  'entry-fill': '#0c2d48',
  'store-fill': '#3b2f10',
  'external-fill': '#33373d',
  'region-fill': '#25213a',
  'zone-fill': '#1d2b1f',
  'group-stroke': '#6e7681',
  edge: '#c9d1d9',
  'edge-label-bg': '#1e1e1e',
  spof: '#ff7b72',
  overload: '#ff5c5c',
  hot: '#f0883e',
  'badge-fg': '#1e1e1e',
};

/** VS Code's high-contrast dark theme: black ground, white text, cyan outlines. */
export const HC_DARK: Record<ThemeVariable, string> = {
  bg: '#000000',
  fg: '#ffffff',
  muted: '#ffffff',
  'node-fill': '#000000',
  'node-stroke': '#6fc3df',
  'entry-fill': '#000000',
  'store-fill': '#000000',
  'external-fill': '#000000',
  'region-fill': '#000000',
  'zone-fill': '#000000',
  'group-stroke': '#6fc3df',
  edge: '#ffffff',
  'edge-label-bg': '#000000',
  spof: '#f48771',
  overload: '#ff4d4d',
  hot: '#ffd700',
  'badge-fg': '#000000',
};

/** VS Code's high-contrast light theme: white ground, black text, dark blue outlines. */
export const HC_LIGHT: Record<ThemeVariable, string> = {
  bg: '#ffffff',
  fg: '#000000',
  muted: '#000000',
  'node-fill': '#ffffff',
  'node-stroke': '#0f4a85',
  'entry-fill': '#ffffff',
  'store-fill': '#ffffff',
  'external-fill': '#ffffff',
  'region-fill': '#ffffff',
  'zone-fill': '#ffffff',
  'group-stroke': '#0f4a85',
  edge: '#000000',
  'edge-label-bg': '#ffffff',
  spof: '#b5200d',
  overload: '#8b0000',
  hot: '#8a4600',
  'badge-fg': '#ffffff',
};

function declarations(palette: Record<ThemeVariable, string>): string {
  return THEME_VARIABLES.map((v) => `--sysd-${v}:${palette[v]};`).join('');
}

/** The <style> body: palette selection plus the element styles that read it. */
export function themeCss(): string {
  const light = declarations(LIGHT);
  const dark = declarations(DARK);
  return [
    `.sysd-diagram{${light}}`,
    `.sysd-diagram.sysd-dark{${dark}}`,
    // 'auto' follows the OS unless VS Code's body class says otherwise.
    `@media (prefers-color-scheme: dark){.sysd-diagram.sysd-auto{${dark}}}`,
    `body.vscode-dark .sysd-diagram.sysd-auto{${dark}}`,
    `body.vscode-light .sysd-diagram.sysd-auto{${light}}`,
    // High contrast, dark and light: the strong palettes, and thicker outlines so shapes read without fills.
    `body.vscode-high-contrast:not(.vscode-high-contrast-light) .sysd-diagram.sysd-auto,.sysd-diagram.sysd-hc-dark{${declarations(HC_DARK)}}`,
    `body.vscode-high-contrast-light .sysd-diagram.sysd-auto,.sysd-diagram.sysd-hc-light{${declarations(HC_LIGHT)}}`,
    `body.vscode-high-contrast .sysd-shape,body.vscode-high-contrast .sysd-group-box,.sysd-hc-dark .sysd-shape,.sysd-hc-light .sysd-shape{stroke-width:2;}`,
    `.sysd-diagram{font-family:${FONT_FAMILY};fill:var(--sysd-fg);}`,
    `.sysd-bg{fill:var(--sysd-bg);}`,
    `.sysd-title{font-size:15px;font-weight:bold;fill:var(--sysd-fg);}`,
    `.sysd-group-box{stroke:var(--sysd-group-stroke);stroke-width:1;}`,
    `.sysd-region .sysd-group-box{fill:var(--sysd-region-fill);}`,
    `.sysd-zone .sysd-group-box{fill:var(--sysd-zone-fill);stroke-dasharray:5 3;}`,
    `.sysd-group-label{font-size:12px;font-weight:bold;fill:var(--sysd-muted);}`,
    `.sysd-shape{fill:var(--sysd-node-fill);stroke:var(--sysd-node-stroke);stroke-width:1.2;}`,
    `.sysd-entry .sysd-shape{fill:var(--sysd-entry-fill);}`,
    `.sysd-store .sysd-shape{fill:var(--sysd-store-fill);}`,
    `.sysd-ext .sysd-shape{fill:var(--sysd-external-fill);}`,
    `.sysd-glyph{fill:none;stroke:var(--sysd-node-stroke);stroke-width:1.2;}`,
    `.sysd-kind{font-size:10px;fill:var(--sysd-muted);}`,
    `.sysd-label{font-size:13px;font-weight:bold;fill:var(--sysd-fg);}`,
    `.sysd-figures{font-size:11px;fill:var(--sysd-muted);}`,
    `.sysd-hot .sysd-shape{stroke:var(--sysd-hot);stroke-width:2.5;}`,
    `.sysd-spof .sysd-shape{stroke:var(--sysd-spof);stroke-width:2.5;}`,
    `.sysd-overload .sysd-shape{stroke:var(--sysd-overload);stroke-width:3;}`,
    `.sysd-badge-spof{fill:var(--sysd-spof);}`,
    `.sysd-badge-hot{fill:var(--sysd-hot);}`,
    `.sysd-badge-overload{fill:var(--sysd-overload);}`,
    `.sysd-badge-text{font-size:9px;font-weight:bold;fill:var(--sysd-badge-fg);}`,
    `.sysd-edge-line{fill:none;stroke:var(--sysd-edge);stroke-width:1.3;}`,
    `.sysd-async .sysd-edge-line{stroke-dasharray:7 4;}`,
    `.sysd-optional .sysd-edge-line{stroke-dasharray:2 3;}`,
    `.sysd-arrow{fill:var(--sysd-edge);}`,
    `.sysd-alt-mark{fill:var(--sysd-bg);stroke:var(--sysd-edge);stroke-width:1.3;}`,
    `.sysd-edge-label{font-size:11px;fill:var(--sysd-fg);paint-order:stroke;stroke:var(--sysd-edge-label-bg);stroke-width:3px;stroke-linejoin:round;}`,
    `.sysd-legend-box{fill:var(--sysd-bg);stroke:var(--sysd-group-stroke);}`,
    `.sysd-legend-text{font-size:11px;fill:var(--sysd-fg);}`,
    `.sysd-legend-title{font-size:11px;font-weight:bold;fill:var(--sysd-muted);}`,
    `.sysd-note{font-size:11px;fill:var(--sysd-muted);font-style:italic;}`,
    // The preview's states, in the diagram's own stylesheet so an exported view looks as it did on screen.
    `.sysd-selected .sysd-shape,.sysd-selected .sysd-group-box,.sysd-selected .sysd-edge-line{stroke:var(--sysd-selection,#0078d4);stroke-width:3.5;}`,
    `.sysd-lost{opacity:0.3;}`,
    `.sysd-lost .sysd-shape,.sysd-lost .sysd-group-box{stroke-dasharray:4 3;}`,
    `.sysd-whatif-figures{fill:var(--sysd-fg);}`,
  ].join('\n');
}

/** The class that selects the palette on the root <svg>. */
export function themeClass(theme: ThemeName | undefined): string {
  if (theme === 'hc-dark' || theme === 'hc-light') return `sysd-${theme}`;
  return theme === 'dark' ? 'sysd-dark' : theme === 'auto' ? 'sysd-auto' : 'sysd-light';
}
