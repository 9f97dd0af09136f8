/**
 * One analysed version of a document, with the text and line index it was
 * computed from. Snapshots live in the analysis worker that computed them
 * (server/analysis-worker.ts): they hold the whole syntax tree and model,
 * far too much to copy to the main thread on every edit
 * (docs/ARCHITECTURE.md, "The analysis worker").
 */
import type { Analysis } from '../core/index';
import type { LineIndex } from './convert';

export interface Snapshot {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  analysis: Analysis;
  /** Wall time the analysis took, in milliseconds. */
  durationMs: number;
}
