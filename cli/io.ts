/** What the CLI touches outside itself, so tests can run it in-process. */
import { closeSync, fstatSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { MAX_MODEL_BYTES, tooLargeMessage } from '../core/limits';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The file's text, or an error message of one line. */
  readText(path: string): { text: string } | { error: string };
  writeText(path: string, text: string): { error?: string };
}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readText: (path) => readModelFile(path),
  writeText(path, text) {
    try {
      writeFileSync(path, text);
      return {};
    } catch (error) {
      return { error: `${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
  },
};

/**
 * Reads a model file: only a regular file (symbolic links followed), and at
 * most `maxBytes`. A FIFO would block the read forever and `/dev/zero` would
 * fill the memory, so both are refused before they are opened; the read
 * itself stops one byte past the limit, so a file that grows after the check
 * cannot get through either.
 */
export function readModelFile(path: string, maxBytes = MAX_MODEL_BYTES): { text: string } | { error: string } {
  let fd: number | undefined;
  try {
    const before = statSync(path);
    if (before.isDirectory()) return { error: `${path}: is a directory; give a .sysd file` };
    if (!before.isFile()) return { error: `${path}: is not a regular file (a device, pipe or socket); give a .sysd file` };
    if (before.size > maxBytes) return { error: `${path}: ${tooLargeMessage(before.size)}` };
    fd = openSync(path, 'r');
    if (!fstatSync(fd).isFile()) return { error: `${path}: is not a regular file; give a .sysd file` };
    const buffer = Buffer.alloc(Math.min(maxBytes, Math.max(before.size, 64 * 1024)) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) return { error: `${path}: ${tooLargeMessage(length)}` };
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) return { error: `${path}: ${tooLargeMessage(length)}` };
    }
    return { text: new TextDecoder('utf-8').decode(buffer.subarray(0, length)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: `${path}: no such file` };
    if (code === 'EACCES') return { error: `${path}: permission denied` };
    if (code === 'ELOOP') return { error: `${path}: too many levels of symbolic links` };
    return { error: `${path}: cannot be read (${code ?? (error as Error).message})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Turns a failed write to stdout into exit status 2 with one line on stderr
 * (`sysd check > /dev/full`), and a closed pipe (`sysd check | head -1`) into
 * a quiet exit: the reader has what it wanted. Without this Node throws the
 * write error as an uncaught exception and exits 1, which means "findings".
 */
export function guardStdout(): void {
  let failed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (failed) return;
    failed = true;
    if (error.code !== 'EPIPE') process.stderr.write(`sysd: cannot write the output (${error.code ?? error.message})\n`);
    process.exit(2);
  });
  // A closed stderr leaves nowhere to complain; the exit status still tells.
  process.stderr.on('error', () => process.exit(2));
}
