/**
 * The report shown by `sysd.showReport`: core's one markdown report
 * (core/report/markdown.ts), the same text `sysd report --format markdown`
 * prints for the file.
 */
import { markdownReport } from '../../core/report/markdown';
import type { Snapshot } from '../documents';

export function reportMarkdown(snapshot: Snapshot, fileName: string): string {
  return markdownReport(snapshot.analysis, fileName);
}
