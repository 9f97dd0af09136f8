/**
 * The extension-host test entry (VS Code's --extensionTestsPath): VS Code
 * loads this module inside the extension host and calls run(), which runs
 * the mocha suites and rejects when one fails. It is bundled to
 * out/extension-host/index.js (test/extension-host/build.ts); mocha itself
 * is loaded from the project's node_modules.
 */
// The part of mocha used here. mocha is required at run time, not imported, so that type-checking
// the project does not depend on a test-only package (a stale node_modules fails here, with its name).
interface MochaRunner {
  suite: { emit(event: 'pre-require', context: object, file: string, mocha: MochaRunner): void };
  run(done: (failures: number) => void): void;
}
type MochaConstructor = new (options: object) => MochaRunner;

export async function run(): Promise<void> {
  const Mocha = require('mocha') as MochaConstructor;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90_000, reporter: 'spec' });
  // The suites are bundled with this file, so they are registered through mocha's hook instead of by file name.
  mocha.suite.emit('pre-require', globalThis, 'sysd.suite', mocha);
  await import('./sysd.suite');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
