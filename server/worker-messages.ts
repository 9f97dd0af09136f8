/**
 * The messages between the server's main thread and its analysis workers.
 * Everything here crosses a thread boundary, so it is plain structured-clonable
 * data: texts, numbers, LSP-shaped results, and the SharedArrayBuffer through
 * which the main thread cancels an analysis while it runs.
 */
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { DiagramNode } from '../core/diagram/graph-types';
import type { StatusParams } from '../protocol/requests';
import type { FeatureName } from './worker-features';

export type ToWorker =
  /** Analyse `text`; `cancel` is an Int32Array's buffer whose slot 0 turns non-zero when the result is no longer wanted. */
  | { kind: 'analyse'; id: number; uri: string; version: number; text: string; cancel: SharedArrayBuffer }
  /** Run a feature on the snapshot of `uri` this worker holds. */
  | { kind: 'query'; id: number; uri: string; feature: FeatureName; params: unknown; cancel?: SharedArrayBuffer }
  /** Workspace symbols matching `query` over every document this worker holds. */
  | { kind: 'symbols'; id: number; query: string }
  /**
   * Forget the snapshot of `uri`: the other worker (`to`) now holds a newer one, or the document was closed.
   * What is worth keeping across versions (the preview's laid-out graphs) goes back as a handoff for `to`.
   */
  | { kind: 'drop'; uri: string; version?: number; to?: number }
  /** State another worker kept for `uri` before it dropped the document. */
  | { kind: 'adopt'; uri: string; layouts: [string, DiagramNode][] };

/** What the main thread publishes for one analysed version: already LSP-shaped. */
export interface Analysed {
  uri: string;
  version: number;
  diagnostics: LspDiagnostic[];
  status: StatusParams;
  durationMs: number;
}

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'log'; message: string }
  | { kind: 'handoff'; uri: string; to: number; layouts: [string, DiagramNode][] }
  | { kind: 'analysed'; id: number; result: Analysed }
  | { kind: 'cancelled'; id: number }
  | { kind: 'answer'; id: number; result: unknown }
  /** The worker holds no snapshot of the document (it was dropped, or never analysed here). */
  | { kind: 'missing'; id: number }
  | { kind: 'failed'; id: number; error: string };
