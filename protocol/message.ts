/**
 * Typed descriptors for custom messages. Each request or notification is
 * declared once, as a constant that carries its method name and, in its type,
 * its parameters and result, so the side that sends and the side that answers
 * cannot disagree about either. The descriptors are plain objects: this
 * folder imports nothing (the webview shares it), so the client and the
 * server bind them to their LSP libraries with thin typed helpers
 * (client/protocol-binding.ts, server/protocol-binding.ts).
 */

/** A request from one side to the other: `P` goes out, `R` comes back. */
export interface Request<P, R> {
  readonly method: string;
  /** Phantom fields: never present at run time, they only carry the types. */
  readonly params?: P;
  readonly result?: R;
}

/** A notification: `P` goes out, nothing comes back. */
export interface Notification<P> {
  readonly method: string;
  readonly params?: P;
}

export const request = <P, R>(method: string): Request<P, R> => ({ method });
export const notification = <P>(method: string): Notification<P> => ({ method });

/** The parameters and result a descriptor was declared with. */
export type ParamsOf<M> = M extends Request<infer P, unknown> ? P : M extends Notification<infer P> ? P : never;
export type ResultOf<M> = M extends Request<unknown, infer R> ? R : never;

/**
 * What every result that carries offsets or ranges into a document says about
 * that document: the version the offsets belong to. The receiver compares it
 * with the version it holds and drops (or maps) an answer to an older text.
 */
export interface AtVersion {
  uri: string;
  version: number;
}
