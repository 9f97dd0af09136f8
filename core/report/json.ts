/**
 * The JSON document of `sysd check|report --format json` (LANGUAGE.md §10):
 * 1-based lines and columns, durations in seconds, rates per second,
 * fractions for availability and utilisation, null where a figure does not apply.
 */
import type { Analysis } from '../index';
import type { Diagnostic } from '../diagnostic';
import { LineIndex } from '../line-index';

export interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function jsonDiagnostic(d: Diagnostic, index: LineIndex): JsonDiagnostic {
  const start = index.position(d.range.start);
  const end = index.position(d.range.end);
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

const orNull = (n: number | undefined): number | null => (n === undefined || !Number.isFinite(n) ? null : n);

export function jsonFile(file: string, analysis: Analysis, index = new LineIndex(analysis.text)) {
  return {
    file,
    diagnostics: analysis.diagnostics.map((d) => jsonDiagnostic(d, index)),
    systems: analysis.systems.map((s, i) => {
      const model = analysis.model.systems[i];
      return {
        name: s.name,
        availability: orNull(s.availability),
        exactness: s.exactness,
        downtimePerYear: orNull(s.downtimePerYear),
        slo: orNull(s.slo),
        sla: orNull(s.sla),
        latencySlo: orNull(s.latencySlo),
        entries: s.entries.map((e) => ({
          name: e.name,
          availability: orNull(e.availability),
          latency: orNull(e.latency),
          rps: orNull(e.rps),
          peak: orNull(e.peak),
        })),
        components: s.components.map((c) => {
          const m = model.componentsByName.get(c.name)!;
          return {
            name: c.name,
            kind: m.kind,
            replicas: m.replicas,
            availability: m.isEntry ? null : orNull(c.availability),
            load: orNull(c.load),
            peakLoad: orNull(c.peakLoad),
            capacity: orNull(c.capacity),
            utilisation: orNull(c.utilisation),
            headroomUtilisation: orNull(c.headroomUtilisation),
            latency: orNull(c.latency),
            spof: c.spof,
            breaks: c.breaks,
          };
        }),
      };
    }),
  };
}
