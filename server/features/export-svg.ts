/**
 * `sysd/exportSvg`: the diagram of one system as SVG. The renderer
 * (core/diagram, `renderSystemSvg`) is written separately; until it lands the
 * request answers with a message the client shows as it is.
 */
import type { ExportSvgParams, ExportSvgResult } from '../../protocol/requests';
import type { Snapshot } from '../documents';

export async function exportSvg(snapshot: Snapshot | undefined, params: ExportSvgParams): Promise<ExportSvgResult> {
  if (!snapshot) return { error: 'The document is not open in the sysd language server.' };
  const systems = snapshot.analysis.model.systems;
  const system = params.system ? systems.find((s) => s.name === params.system) : systems[0];
  if (!system) return { error: params.system ? `There is no system named '${params.system}' in this file.` : 'This file declares no system to draw.' };
  return { error: 'SVG export is not available yet: the diagram renderer (core/diagram) has not been built into this version.' };
}
