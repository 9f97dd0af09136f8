/**
 * The LSP lifecycle and cancellation, decided before any feature runs.
 * Requests before `initialize` are refused with ServerNotInitialized, a
 * second `initialize` and every request after `shutdown` with InvalidRequest,
 * and a request the client cancelled before it ran is answered
 * RequestCancelled without running (the JSON-RPC layer marks its token
 * cancelled when the `$/cancelRequest` arrived while it was queued). The
 * `exit` notification's code (0 after `shutdown`, 1 otherwise) is the
 * library's, as the specification asks.
 */
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type InitializeError } from 'vscode-languageserver/node';

export class Lifecycle {
  private state: 'starting' | 'running' | 'shut down' = 'starting';

  /** Call from the `initialize` handler: an error for any `initialize` but the first. */
  initialize(): ResponseError<InitializeError> | undefined {
    // `retry: false`: the client must not send it again (InitializeError of the specification).
    if (this.state !== 'starting') return new ResponseError(ErrorCodes.InvalidRequest, 'the server is already initialized', { retry: false });
    this.state = 'running';
    return undefined;
  }

  shutdown(): void {
    this.state = 'shut down';
  }

  /** Whether notifications (document changes) are still taken: after `shutdown` they are dropped. */
  get accepting(): boolean {
    return this.state !== 'shut down';
  }

  /** The error a request gets instead of running, or undefined when it may run. */
  refusal(token?: CancellationToken): ResponseError<void> | undefined {
    if (this.state === 'starting') return new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized yet');
    if (this.state === 'shut down') return new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'the request was cancelled');
    return undefined;
  }
}
