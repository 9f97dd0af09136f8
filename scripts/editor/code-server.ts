/**
 * Starts code-server (VS Code in the browser) on a free loopback port with a
 * throw-away user-data and extensions directory, installs the sysd .vsix into
 * it, and stops the whole process group afterwards: code-server starts an
 * extension host, which starts the sysd language server, and none of them
 * may outlive the test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { waitFor, type EditorTools } from './tools';

export interface CodeServer {
  url: string;
  port: number;
  /** Settles when code-server exits, for whatever reason. */
  exited: Promise<void>;
  /** Everything code-server printed, for failure messages. */
  log: string[];
  stop(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// Settings that keep first-run pages, tips and network-bound features out of
// the screenshots, so what the test looks for is what is on screen.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'editor.hover.delay': 300,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'git.openRepositoryInParentFolders': 'never',
};

function commonArgs(dir: string): string[] {
  return ['--config', join(dir, 'config.yaml'), '--user-data-dir', join(dir, 'user-data'), '--extensions-dir', join(dir, 'extensions')];
}

/**
 * Installs the .vsix with code-server's own CLI, as a user would, into `dir`,
 * whose user settings are USER_SETTINGS and `settings`.
 */
export function installExtension(tools: EditorTools, dir: string, vsix: string, settings: Record<string, unknown> = {}): void {
  mkdirSync(join(dir, 'user-data', 'User'), { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), 'auth: none\ncert: false\n');
  writeFileSync(join(dir, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const result = spawnSync(tools.node, [tools.codeServer, ...commonArgs(dir), '--install-extension', vsix], { encoding: 'utf8', timeout: 90_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension failed (${result.error?.message ?? `exit ${result.status}`}):\n${output.slice(-2000)}`);
  }
}

/** Starts code-server on `folder` (on `port`, else a free one) and resolves once it answers HTTP. */
export async function startCodeServer(tools: EditorTools, dir: string, folder: string, port?: number): Promise<CodeServer> {
  port ??= await freePort();
  const args = [
    tools.codeServer, ...commonArgs(dir), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', folder,
  ];
  return startServer('code-server', tools.node, args, port);
}

/**
 * Starts the VS Code server that code-server bundles (lib/vscode), without
 * code-server's own command line. Extension tests need it: a built workbench
 * honours the extensionTestsPath in its URL only with --enable-smoke-test-driver,
 * which code-server's command line rejects as an unknown option.
 */
export async function startBundledVSCodeServer(tools: EditorTools, dir: string): Promise<CodeServer> {
  const port = await freePort();
  const serverMain = join(dirname(tools.codeServer), '..', '..', 'lib', 'vscode', 'out', 'server-main.js');
  const args = [
    serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
    '--user-data-dir', join(dir, 'user-data'), '--server-data-dir', join(dir, 'server-data'), '--extensions-dir', join(dir, 'extensions'),
  ];
  return startServer('the VS Code server', tools.node, args, port);
}

async function startServer(name: string, node: string, args: string[], port: number): Promise<CodeServer> {
  // Its own process group, so that stop() reaches the extension host and the language server too.
  const child: ChildProcess = spawn(node, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stdout?.on('data', (chunk) => log.push(String(chunk)));
  child.stderr?.on('data', (chunk) => log.push(String(chunk)));
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.on('exit', () => {
    exited = true;
    resolve();
  }));

  const stop = async (): Promise<void> => {
    if (exited || child.pid === undefined) return;
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, name);
      } catch {
        // The group is already gone.
      }
    };
    signal('SIGTERM');
    await waitFor(`${name} to exit`, 5_000, () => exited, 100).catch(() => signal('SIGKILL'));
  };

  const url = `http://127.0.0.1:${port}/`;
  try {
    const state = await waitFor(`${name} on ${url}`, 60_000, async () => {
      if (exited) return 'exited';
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return response.status < 500 ? 'up' : undefined;
    });
    if (state === 'exited') throw new Error(`${name} exited:\n${log.join('').slice(-2000)}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, exited: exitedPromise, log, stop };
}
