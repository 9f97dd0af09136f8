/**
 * The what-if toggles' round trip: the panel's failed names go to the
 * server's `sysd/whatIf` (core computes, the server formats), and its answer
 * becomes what the panel shows: the names to grey, each component's figures
 * line and the summary. Only joining of server-formatted strings happens
 * here; no figure is computed. Plain functions, no `vscode`.
 */
import type { PreviewElement, PreviewWhatIf } from '../../protocol/preview';
import type { WhatIfParams, WhatIfResult } from '../../protocol/what-if';

/** Splits the panel's names into components and groups, as the request wants them. */
export function whatIfParams(uri: string, version: number, system: string | undefined, failed: string[], elements: PreviewElement[]): WhatIfParams {
  const kinds = new Map(elements.map((e) => [e.name, e.kind]));
  const components = failed.filter((n) => kinds.get(n) === 'component');
  const groups = failed.filter((n) => kinds.get(n) === 'zone' || kinds.get(n) === 'region');
  return { uri, version, system, failed: { components, groups } };
}

export function previewWhatIf(failed: string[], r: WhatIfResult): PreviewWhatIf {
  const figures: Record<string, string> = {};
  for (const c of r.components) {
    // A failed component's instance count says how many it has, not how many run: "down" says it all.
    figures[c.name] = c.down
      ? 'down'
      : [c.lost ? 'not served' : undefined, c.instances, c.availability, c.utilisation].filter(Boolean).join(' · ');
  }
  for (const e of r.entries) figures[e.name] = e.served ? e.availability : `not served · ${e.availability}`;
  return {
    failed,
    summary: r.error ?? r.summary,
    lost: [...new Set([...r.lost, ...r.failedGroups, ...r.failedComponents, ...r.unservedEntries])],
    figures,
    systemFigures: r.availability === undefined ? undefined : `availability under this failure ${r.availability}${r.spofs.length ? ` · SPOFs left: ${r.spofs.join(', ')}` : ''}`,
  };
}
