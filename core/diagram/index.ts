/**
 * The diagram's public face: Model + figures → ELK graph → layout → SVG
 * (render.ts). The CLI and the server render with the worker layouter
 * (node/); tests with the in-process one.
 */
export { renderSystemSvg, DEFAULT_DEADLINE_MS, type RenderOptions } from './render';
export { buildElkGraph } from './elk-graph';
export { renderSvg } from './svg';
export { fallbackLayout } from './fallback-layout';
export { createInProcessLayouter } from './layout-inprocess';
export type { Layouter, LayoutRequest, LayoutResult } from './layout-port';
export type { DiagramNode, DiagramEdge, ElkNode } from './graph-types';
export { THEME_VARIABLES, type ThemeName } from './theme';
