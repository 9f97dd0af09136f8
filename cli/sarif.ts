/**
 * SARIF 2.1.0 output of `sysd check --format sarif`, for GitHub code
 * scanning: one run, the rules from core/codes.ts, one result per finding.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { CODES, codeUrl } from '../core/codes';
import type { Analysis } from '../core/index';
import type { Severity } from '../core/diagnostic';
import { LineIndex } from '../core/line-index';
import { fixesFor } from '../core/fixes';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * A file path as a SARIF URI reference: forward slashes, and each segment
 * percent-encoded so a space or '#' in a file name does not make the log
 * invalid (or turn the rest of the name into a fragment). A Windows drive
 * letter stays as it is.
 */
export function fileUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((segment, i) => (i === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
}

export function sarifLog(files: { file: string; analysis: Analysis }[], version: string): Log {
  const rules: ReportingDescriptor[] = CODES.map((c) => ({
    id: c.code,
    name: c.code.replace(/(^|-)(\w)/g, (_, __, ch: string) => ch.toUpperCase()),
    shortDescription: { text: c.summary.replace(/`/g, "'") },
    helpUri: codeUrl(c.code),
    defaultConfiguration: { level: LEVEL[c.severity] },
  }));
  const ruleIndex = new Map(CODES.map((c, i) => [c.code as string, i]));
  const results: Result[] = [];
  for (const { file, analysis } of files) {
    const index = new LineIndex(analysis.text);
    const uri = fileUri(file);
    const region = (range: { start: number; end: number }) => {
      const start = index.position(range.start);
      const end = index.position(Math.max(range.end, range.start));
      return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
    };
    for (const d of analysis.diagnostics) {
      // Repairs only: a SARIF fix is a proposed correction, and silencing is not one.
      const fixes = fixesFor({ text: analysis.text, lines: index, analysis }, d)
        .filter((f) => f.kind === 'repair')
        .map((f) => ({
          description: { text: f.title },
          artifactChanges: [{ artifactLocation: { uri }, replacements: f.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
        }));
      results.push({
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(d.range) } }],
        relatedLocations: d.related?.map((r, id) => ({
          id,
          message: { text: r.message },
          physicalLocation: { artifactLocation: { uri }, region: region(r.range) },
        })),
        ...(fixes.length ? { fixes } : {}),
      });
    }
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{ tool: { driver: { name: 'sysd', version, informationUri: 'https://github.com/sysd-dev/sysd', rules } }, results }],
  };
}
