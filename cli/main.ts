/** Entry of the `sysd` command (bundled to dist/cli/sysd.mjs, which bin/sysd.js imports). */
import { guardStdout, nodeIo } from './io';
import { run } from './run';

guardStdout();
run(process.argv.slice(2), nodeIo).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`sysd: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
