/**
 * Binds the protocol's typed descriptors (protocol/message.ts) to the
 * language client: a request's parameters and result, and a notification's
 * parameters, are checked against the one declaration.
 */
import type { CancellationToken, Disposable, LanguageClient } from 'vscode-languageclient/node';
import type { Notification, Request } from '../protocol/message';

/** With a token, cancelling it tells the server to drop the request (the preview cancels a redraw a newer one replaces). */
export function sendRequest<P, R>(client: LanguageClient, type: Request<P, R>, params: P, token?: CancellationToken): Promise<R> {
  return token ? client.sendRequest<R>(type.method, params, token) : client.sendRequest<R>(type.method, params);
}

export function onNotification<P>(client: LanguageClient, type: Notification<P>, handler: (params: P) => void): Disposable {
  return client.onNotification(type.method, handler);
}
