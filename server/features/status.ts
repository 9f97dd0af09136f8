/**
 * The `sysd/status` notification sent after each analysis: the figures the
 * client's status bar shows for the active file, already formatted.
 */
import { formatAvailability } from '../../core/format';
import { exact } from '../../core/figure';
import type { StatusParams } from '../../protocol/requests';
import type { Snapshot } from '../documents';

export function statusOf(snapshot: Snapshot): StatusParams {
  const { analysis } = snapshot;
  return {
    uri: snapshot.uri,
    version: snapshot.version,
    systems: analysis.systems.map((figures) => ({
      name: figures.name,
      availability: figures.availability === undefined ? undefined : formatAvailability(figures.availability),
      slo: figures.slo === undefined ? undefined : formatAvailability(exact(figures.slo)),
      sloVerdict: figures.sloVerdict,
    })),
    errors: analysis.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: analysis.diagnostics.filter((d) => d.severity === 'warning').length,
    analysisMs: Math.round(snapshot.durationMs),
  };
}
