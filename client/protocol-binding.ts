/**
 * Binds the protocol's typed descriptors (protocol/message.ts) to the
 * language client: a request's parameters and result, and a notification's
 * parameters, are checked against the one declaration.
 */
import type { Disposable, LanguageClient } from 'vscode-languageclient/node';
import type { Notification, Request } from '../protocol/message';

export function sendRequest<P, R>(client: LanguageClient, type: Request<P, R>, params: P): Promise<R> {
  return client.sendRequest<R>(type.method, params);
}

export function onNotification<P>(client: LanguageClient, type: Notification<P>, handler: (params: P) => void): Disposable {
  return client.onNotification(type.method, handler);
}
