/**
 * Binds the protocol's typed descriptors (protocol/message.ts) to the
 * server's connection: the handler's parameters and result, and the
 * parameters of a notification, are checked against the one declaration.
 */
import type { CancellationToken, Connection, ResponseError } from 'vscode-languageserver/node';
import type { Notification, Request } from '../protocol/message';

export function onRequest<P, R>(
  connection: Connection,
  type: Request<P, R>,
  handler: (params: P, token: CancellationToken) => R | ResponseError<void> | Promise<R | ResponseError<void>>,
): void {
  connection.onRequest(type.method, handler);
}

export function sendNotification<P>(connection: Connection, type: Notification<P>, params: P): Promise<void> {
  return connection.sendNotification(type.method, params);
}
