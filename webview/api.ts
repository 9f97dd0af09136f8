/**
 * The one channel to the extension host. `acquireVsCodeApi` is VS Code's
 * (the webview test stubs it); everything the page sends is typed by
 * protocol/preview.ts and checked again on the other side.
 */
import type { PreviewState, WebviewMessage } from '../protocol/preview';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

export function savedState(): Partial<PreviewState> {
  const s = api.getState();
  return typeof s === 'object' && s !== null ? (s as Partial<PreviewState>) : {};
}

export function saveState(state: PreviewState): void {
  api.setState(state);
}
