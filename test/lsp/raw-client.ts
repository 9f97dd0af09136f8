/**
 * A bare JSON-RPC client for the server over stdio, for tests that need to
 * control the bytes on the wire: several messages in one write (a request
 * and its `$/cancelRequest` arrive together, as from a busy editor), and
 * messages a well-behaved client library refuses to send (a request after
 * `shutdown`, a second `initialize`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from './harness';

export interface RpcResponse {
  id: number | string;
  result?: unknown;
  error?: { code: number; message: string };
}

export class RawClient {
  private buffer = Buffer.alloc(0);
  private readonly responses = new Map<number | string, RpcResponse>();
  private readonly waiters = new Map<number | string, (r: RpcResponse) => void>();
  private nextId = 1;
  readonly exit: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => this.read(chunk));
    // Server-to-client requests (refresh) are never answered here; the server does not wait on them.
    this.exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  static start(): RawClient {
    return new RawClient(spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'ignore'] }));
  }

  /** The framed bytes of one message. */
  static frame(message: object): string {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  }

  /** Writes every message in one write, so the server reads them together. */
  send(...messages: object[]): void {
    this.child.stdin!.write(messages.map((m) => RawClient.frame(m)).join(''));
  }

  request(method: string, params: unknown): { id: number; message: object } {
    const id = this.nextId++;
    return { id, message: { id, method, params } };
  }

  async call(method: string, params: unknown): Promise<RpcResponse> {
    const { id, message } = this.request(method, params);
    this.send(message);
    return this.response(id);
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  response(id: number | string): Promise<RpcResponse> {
    const known = this.responses.get(id);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => this.waiters.set(id, resolve));
  }

  async initialize(): Promise<RpcResponse> {
    const answer = await this.call('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    this.notify('initialized', {});
    return answer;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (message.id !== undefined && message.method === undefined) {
        this.responses.set(message.id, message);
        this.waiters.get(message.id)?.(message);
        this.waiters.delete(message.id);
      }
    }
  }
}
