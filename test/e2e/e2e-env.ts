/**
 * Where the end-to-end tools live. scripts/e2e-setup.sh installs Node 24,
 * code-server and chromium and writes .e2e/ready.json naming them; when that
 * file or any tool it names is missing, the e2e test skips with a message
 * that says how to install them, so `npm test` passes on a bare machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS = join(ROOT, 'test-results', 'e2e');

export interface E2eTools {
  /** Node 24, which code-server requires. */
  node: string;
  /** code-server's out/node/entry.js. */
  codeServer: string;
  /** The Debian chromium binary that playwright-core drives. */
  chromium: string;
}

/** The installed tools, or a sentence saying why the e2e test cannot run. */
export function findTools(): E2eTools | string {
  const marker = join(ROOT, '.e2e', 'ready.json');
  const hint = 'run scripts/e2e-setup.sh to install code-server and chromium into .e2e/';
  if (!existsSync(marker)) return `the e2e tools are not installed: ${hint}`;
  let tools: Partial<E2eTools>;
  try {
    tools = JSON.parse(readFileSync(marker, 'utf8')) as Partial<E2eTools>;
  } catch {
    return `.e2e/ready.json is unreadable: ${hint}`;
  }
  for (const key of ['node', 'codeServer', 'chromium'] as const) {
    const path = tools[key];
    if (typeof path !== 'string' || !existsSync(path)) return `${key} is missing (${String(path)}): ${hint}`;
  }
  return tools as E2eTools;
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
