/**
 * A desktop VS Code for the extension-host suite, through @vscode/test-electron:
 * SYSD_VSCODE_PATH (a VS Code executable), else the `code` on PATH, else one
 * that test-electron downloads into .vscode-test/ (SYSD_VSCODE_DOWNLOAD=0 skips
 * the attempt). Where none of these works, the reason is returned so that the
 * test can say so; the same suite runs in code-server's host on every run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../../scripts/editor/tools';

// @vscode/test-electron's functions used here. It is loaded on first use, by a name held in a variable,
// so that type-checking and the code-server suite do not need it installed.
interface TestElectron {
  downloadAndUnzipVSCode(options: object): Promise<string>;
  runTests(options: object): Promise<number>;
  SilentReporter: new () => object;
}
const TEST_ELECTRON = '@vscode/test-electron';
const testElectron = async () => (await import(TEST_ELECTRON)) as TestElectron;

/** The desktop `code` command's own executable (the CLI script sits in bin/ beside it). */
function codeOnPath(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  if (found.status !== 0 || !found.stdout.trim()) return undefined;
  const cli = realpathSync(found.stdout.trim());
  const executable = join(dirname(dirname(cli)), 'code');
  return existsSync(executable) ? executable : undefined;
}

export type Found = { executable: string } | { reason: string };

/** A VS Code executable, or a sentence saying why there is none. */
export async function findDesktopVSCode(): Promise<Found> {
  const given = process.env.SYSD_VSCODE_PATH;
  if (given) return existsSync(given) ? { executable: given } : { reason: `SYSD_VSCODE_PATH names ${given}, which does not exist` };
  const onPath = codeOnPath();
  if (onPath) return { executable: onPath };
  const hint = 'no desktop VS Code on this machine: set SYSD_VSCODE_PATH to a VS Code executable or install one with `code` on PATH';
  if (process.env.SYSD_VSCODE_DOWNLOAD === '0') return { reason: `${hint} (SYSD_VSCODE_DOWNLOAD=0: no download tried)` };
  try {
    const { downloadAndUnzipVSCode, SilentReporter } = await testElectron();
    const download = downloadAndUnzipVSCode({ version: 'stable', cachePath: join(ROOT, '.vscode-test'), reporter: new SilentReporter(), timeout: 15_000 });
    const bounded = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 30 s')), 30_000).unref());
    return { executable: await Promise.race([download, bounded]) };
  } catch (error) {
    return { reason: `${hint}; downloading one failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}

/** Runs the bundled suite in the desktop VS Code at `executable`; resolves with its exit code. */
export async function runInDesktopVSCode(executable: string, suite: string, workspace: string, userData: string): Promise<number> {
  const { runTests } = await testElectron();
  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${userData}`],
    });
  } catch (error) {
    // runTests rejects with the exit code when the suite fails.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'number') return code;
    throw error;
  }
}
