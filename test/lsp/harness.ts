/**
 * A real LSP client for tests: starts the server from source as a child
 * process (`node --import tsx server/main.ts --stdio`) and talks JSON-RPC to
 * it over stdio, exactly as an editor would. Fixtures mark the cursor with
 * `<|>`: `at('api <|>-> db')` gives the text without the marker and the position.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type Diagnostic, type Position, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import type { Request } from '../../protocol/message';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Marked {
  text: string;
  position: Position;
  offset: number;
}

/** Removes the `<|>` marker and says where it was. */
export function at(source: string): Marked {
  const offset = source.indexOf('<|>');
  if (offset < 0) throw new Error('fixture has no <|> marker');
  const text = source.slice(0, offset) + source.slice(offset + 3);
  const before = text.slice(0, offset).split('\n');
  return { text, offset, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** The LSP position of an offset in a text. */
export function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly stderr: string[] = [];
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  exited: number | null | undefined;

  private constructor(readonly process: ChildProcess, readonly connection: ProtocolConnection) {}

  static async start(options: { rootUri?: string; workspace?: Record<string, unknown>; env?: Record<string, string> } = {}): Promise<TestClient> {
    // The editor's wall-clock limits would make what a test sees depend on how busy the machine is (server/wall-clock.ts).
    const env = { ...process.env, SYSD_WALL_CLOCK_LIMITS: 'off', ...options.env };
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection);
    child.stderr!.on('data', (chunk) => client.stderr.push(String(chunk)));
    child.on('exit', (code) => (client.exited = code));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, p);
      for (const wake of client.waiters.splice(0)) wake();
    });
    // The server logs through window/logMessage; tests read it when something fails.
    connection.onNotification('window/logMessage', (p: { message: string }) => client.stderr.push(p.message));
    connection.onRequest('workspace/inlayHint/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      capabilities: { workspace: { inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true }, ...options.workspace } },
    });
    connection.sendNotification('initialized', {});
    return client;
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** A custom sysd request, typed by its declaration in protocol/. */
  send<P, R>(type: Request<P, R>, params: P): Promise<R> {
    return this.connection.sendRequest(type.method, params) as Promise<R>;
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    this.diagnostics.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sysd', version: 1, text } });
    return this.waitForDiagnostics(uri, 1);
  }

  /** Replaces the whole text (or applies ranged changes) and returns the new version. */
  async change(uri: string, changes: { text: string; range?: { start: Position; end: Position } }[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** The default wait only guards against a hang: a server started from source on a busy machine can take a minute. */
  async waitForDiagnostics(uri: string, version: number, timeoutMs = 180_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = this.diagnostics.get(uri);
      if (current && (current.version ?? 0) >= version) return current.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} version ${version}; server said: ${this.stderr.join('')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the kill below makes sure.
    }
    await new Promise((r) => setTimeout(r, 100));
    if (this.exited === undefined) this.process.kill();
    this.connection.dispose();
  }
}

/** The checkout example of docs/language.md §1, used by most feature tests. */
export const CHECKOUT = `// Checkout, as it runs today.
system checkout "Checkout" {
  slo: 99.95%
  sla: 99.9%
  latency-slo: 300ms

  users shoppers "Shoppers" { rps: 2k; peak: 6k }

  region us-east {
    zone use1-a { availability: 99.99% }
    zone use1-b { availability: 99.99% }
  }

  dns route53 { availability: 99.99% }
  cdn edge { availability: 99.99% }
  lb alb "Public ALB" {
    replicas: 2
    mode: active-passive
    standby: hot
    failover: 30s
    zones: use1-a, use1-b
  }
  service api "Checkout API" {
    replicas: 4
    capacity: 2500 rps
    availability: 99.9%
    latency: 25ms
    zones: use1-a, use1-b
  }
  cache redis { hit: 80%; capacity: 50k rps }
  database orders "Orders DB" {
    replicas: 2
    replication: sync
    capacity: 3k rps
    zones: use1-a, use1-b
  }
  queue events { replicas: 3; zones: use1-a, use1-b }
  worker fulfil { replicas: 2; capacity: 500 rps }
  external stripe "Stripe" { availability: 99.99% }

  shoppers -> route53
  shoppers -> edge -> alb -> api
  api -> redis { optional }
  redis -> orders
  api -> stripe "charge" { share: 30%; timeout: 2s; breaker }
  api -> events ~> fulfil
}
`;

/** Applies LSP text edits to a text, last first, as an editor does. */
export function applyEdits(text: string, edits: { range: { start: Position; end: Position }; newText: string }[]): string {
  const offset = (p: Position) => {
    const lines = text.split('\n');
    let o = 0;
    for (let i = 0; i < p.line && i < lines.length; i++) o += lines[i].length + 1;
    return Math.min(o + p.character, text.length);
  };
  const sorted = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
  for (const e of sorted) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}
