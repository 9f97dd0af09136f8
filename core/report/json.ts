/**
 * The JSON document of `sysd check|report --format json` (docs/language.md §10):
 * 1-based lines and columns, durations in seconds, rates per second,
 * fractions for availability and utilisation, null where a figure does not apply.
 */
import type { Analysis } from '../index';
import type { Diagnostic, Range } from '../diagnostic';
import { fixesFor } from '../fixes';
import { LineIndex } from '../line-index';
import type { AvailabilityFigure } from '../figure';

export interface JsonSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** An edit of a fix: replace the span (empty for an insertion) with `newText`. */
export interface JsonEdit extends JsonSpan {
  newText: string;
}

/** What the editor offers as a quick fix for the finding, in the same order. */
export interface JsonFix {
  title: string;
  /** `repair` changes the design or the text; `silence` adds a sysd-ignore comment or a lint setting. */
  kind: 'repair' | 'silence';
  preferred: boolean;
  edits: JsonEdit[];
}

export interface JsonDiagnostic extends JsonSpan {
  code: string;
  severity: string;
  message: string;
  fixes: JsonFix[];
}

export function jsonSpan(range: Range, index: LineIndex): JsonSpan {
  const start = index.position(range.start);
  const end = index.position(range.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function jsonDiagnostic(d: Diagnostic, index: LineIndex, analysis: Analysis): JsonDiagnostic {
  const fixes = fixesFor({ text: analysis.text, lines: index, analysis }, d);
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...jsonSpan(d.range, index),
    fixes: fixes.map((f) => ({ title: f.title, kind: f.kind, preferred: f.preferred, edits: f.edits.map((e) => ({ ...jsonSpan(e.range, index), newText: e.newText })) })),
  };
}

const orNull = (n: number | undefined): number | null => (n === undefined || !Number.isFinite(n) ? null : n);

/**
 * An availability as JSON: the value, the unavailability the engine holds
 * (its precision survives when 1 − value rounds to 1), how it was obtained,
 * and for an estimate its 95% interval in both forms and the sample count.
 */
export function jsonAvailability(f: AvailabilityFigure | undefined) {
  if (f === undefined) return { availability: null, unavailability: null, method: null, interval: null };
  const x = f.exactness;
  return {
    availability: orNull(f.value),
    unavailability: orNull(f.unavailability),
    method: x.method,
    interval: x.method === 'exact'
      ? null
      : { confidence: 0.95, low: x.low, high: x.high, unavailabilityLow: 1 - x.high, unavailabilityHigh: 1 - x.low, samples: x.samples, reason: x.reason },
  };
}

export function jsonFile(file: string, analysis: Analysis, index = new LineIndex(analysis.text)) {
  return {
    file,
    diagnostics: analysis.diagnostics.map((d) => jsonDiagnostic(d, index, analysis)),
    systems: analysis.systems.map((s, i) => {
      const model = analysis.model.systems[i];
      return {
        name: s.name,
        ...jsonAvailability(s.availability),
        downtimePerYear: orNull(s.downtimePerYear),
        downtimePerMonth: orNull(s.downtimePerMonth),
        downtimePerWeek: orNull(s.downtimePerWeek),
        slo: orNull(s.slo),
        sloVerdict: s.sloVerdict ?? null,
        sla: orNull(s.sla),
        latencySlo: orNull(s.latencySlo),
        latencySloVerdict: s.latencySloVerdict ?? null,
        entries: s.entries.map((e) => ({
          name: e.name,
          ...jsonAvailability(e.availability),
          latency: orNull(e.latency),
          latencyVerdict: e.latencyVerdict ?? null,
          latencyPath: e.latencyPath,
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
            utilisationLevel: c.utilisationLevel ?? null,
            headroomUtilisation: orNull(c.headroomUtilisation),
            headroomLoss: c.headroomLoss ?? null,
            cacheFailureUtilisation: orNull(c.cacheFailureUtilisation),
            latency: orNull(c.latency),
            spof: c.spof,
            breaks: c.breaks,
          };
        }),
      };
    }),
  };
}
