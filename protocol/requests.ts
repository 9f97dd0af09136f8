/**
 * Custom messages between the VS Code client and the sysd language server,
 * each declared once as a typed descriptor (protocol/message.ts). This folder
 * imports nothing, so the client, the server, the webview and the tests can
 * all share it without pulling in code. A new message is added here the same
 * way: its params and result types, then `request<P, R>('sysd/…')` or
 * `notification<P>('sysd/…')`; a result with offsets extends `AtVersion`.
 */
import { notification, request } from './message';

export interface ReportParams {
  uri: string;
}
export interface ReportResult {
  /** Markdown text; present even when the file has errors (the report then lists them). */
  markdown: string;
}
/** `sysd/report`: the markdown report of one document, built by the server from core figures. */
export const ReportRequest = request<ReportParams, ReportResult>('sysd/report');

export interface ExportSvgParams {
  uri: string;
  /** System name; the first system of the file when absent. */
  system?: string;
}
export interface ExportSvgResult {
  svg?: string;
  /** Why there is no SVG, in words for the user. */
  error?: string;
  /** Set when the SVG has the simple fallback layout: why, in words for the user. */
  warning?: string;
}
/** `sysd/exportSvg`: the diagram of one system of a document as an SVG string. */
export const ExportSvgRequest = request<ExportSvgParams, ExportSvgResult>('sysd/exportSvg');

export interface SystemStatus {
  name: string;
  /** Formatted, for example "99.953%" or "≈ 99.95% (95% CI 99.93–99.97%)"; absent when the system has no entry. */
  availability?: string;
  /** Formatted objective, for example "99.95%". */
  slo?: string;
  /** Core's verdict of the availability against the objective; absent without an objective or a figure. */
  sloVerdict?: 'met' | 'unmet' | 'undecided';
}
export interface StatusParams {
  uri: string;
  version: number;
  systems: SystemStatus[];
  errors: number;
  warnings: number;
  /** Milliseconds the analysis of this version took (for the status tooltip and the benchmark). */
  analysisMs: number;
}
/** `sysd/status`: sent by the server after every completed analysis, for the status bar. */
export const StatusNotification = notification<StatusParams>('sysd/status');
