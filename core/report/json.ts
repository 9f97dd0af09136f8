/**
 * The JSON document of `sysd check|report --format json` (LANGUAGE.md §10):
 * 1-based lines and columns, durations in seconds, rates per second,
 * fractions for availability and utilisation, null where a figure does not apply.
 */
import type { Analysis } from '../index';
import type { Diagnostic, Range } from '../diagnostic';
import { fixesFor } from '../fixes';
import { LineIndex } from '../line-index';

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

export function jsonFile(file: string, analysis: Analysis, index = new LineIndex(analysis.text)) {
  return {
    file,
    diagnostics: analysis.diagnostics.map((d) => jsonDiagnostic(d, index, analysis)),
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
