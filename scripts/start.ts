/**
 * `npm start`: sysd in a real VS Code, on examples/, with the checkout example
 * open beside its preview. `npm start` builds and packages the extension
 * first (package.json), then this script:
 *  - with a desktop `code` on PATH, starts it on the sources
 *    (--extensionDevelopmentPath) with a throw-away user-data directory;
 *  - otherwise installs code-server into the .e2e/ cache (scripts/e2e-setup.sh,
 *    minutes the first time, a second afterwards), installs the packaged .vsix
 *    into a throw-away profile and serves the editor on 127.0.0.1, printing
 *    its URL. SYSD_START_WITH=code-server chooses this even where `code` is.
 * Ctrl+C stops everything it started and removes the throw-away folders.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, installExtension, startCodeServer } from './editor/code-server';
import { findTools, ROOT } from './editor/tools';

const EXAMPLES = join(ROOT, 'examples');
const CHECKOUT = join(EXAMPLES, 'checkout.sysd');
const VSIX = join(ROOT, 'dist', 'sysd.vsix');
// The extension's own setting that opens the preview beside the first sysd file (client/startup-preview.ts).
const SETTINGS = { 'sysd.preview.openOnStartup': true };

const scratch = mkdtempSync(join(tmpdir(), 'sysd-start-'));
const cleanUp = () => rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });

function desktopCode(): string | undefined {
  if (process.env.SYSD_START_WITH === 'code-server') return undefined;
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}

/** Desktop VS Code: runs until its window closes (--wait) or Ctrl+C. */
function startDesktop(code: string): void {
  const userData = join(scratch, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, 'workbench.startupEditor': 'none' }, null, 2));
  console.log(`== starting ${code} on examples/ with the extension from ${ROOT}`);
  const child = spawn(code, [
    '--new-window', '--wait', `--extensionDevelopmentPath=${ROOT}`, `--user-data-dir=${userData}`,
    `--extensions-dir=${join(scratch, 'extensions')}`, EXAMPLES, CHECKOUT,
  ], { stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  child.on('exit', (status) => {
    cleanUp();
    process.exit(status ?? 0);
  });
}

/** 8080, code-server's usual port, when it is free; SYSD_PORT when given; else any free port. */
async function choosePort(): Promise<number> {
  if (process.env.SYSD_PORT) return Number(process.env.SYSD_PORT);
  const { createServer } = await import('node:net');
  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer().once('error', () => resolve(false));
    probe.listen(8080, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
  return free ? 8080 : freePort();
}

async function startInBrowser(): Promise<void> {
  console.log('== no desktop `code` on PATH: serving VS Code in the browser with code-server');
  const setup = spawnSync('bash', [join(ROOT, 'scripts', 'e2e-setup.sh')], { stdio: 'inherit' });
  const tools = findTools();
  if (setup.status !== 0 || typeof tools === 'string') {
    console.error(`sysd: could not install code-server${typeof tools === 'string' ? `: ${tools}` : ''}`);
    cleanUp();
    process.exit(1);
  }
  console.log('== installing dist/sysd.vsix into a throw-away profile');
  installExtension(tools, scratch, VSIX, SETTINGS);
  const server = await startCodeServer(tools, scratch, EXAMPLES, await choosePort());
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n== stopping code-server');
    await server.stop();
    cleanUp();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // The workbench opens the file named in its URL's payload, in the folder named beside it.
  const file = `vscode-remote://127.0.0.1:${server.port}${CHECKOUT}`;
  const url = `${server.url}?folder=${encodeURIComponent(EXAMPLES)}&payload=${encodeURIComponent(JSON.stringify([['openFile', file]]))}`;
  console.log(`\nsysd is running in VS Code (code-server) at:\n\n  ${url}\n\nOpen it in a browser on this machine. Ctrl+C stops it.`);
  await server.exited;
  if (!stopping) {
    console.error(`sysd: code-server stopped by itself:\n${server.log.join('').slice(-2000)}`);
    cleanUp();
    process.exit(1);
  }
}

const code = desktopCode();
if (code) startDesktop(code);
else await startInBrowser();
