/** What the CLI touches outside itself, so tests can run it in-process. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';

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
  readText(path) {
    try {
      if (statSync(path).isDirectory()) return { error: `${path}: is a directory; give a .sysd file` };
      const bytes = readFileSync(path);
      return { text: new TextDecoder('utf-8').decode(bytes) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { error: `${path}: no such file` };
      if (code === 'EACCES') return { error: `${path}: permission denied` };
      return { error: `${path}: cannot be read (${code ?? (error as Error).message})` };
    }
  },
  writeText(path, text) {
    try {
      writeFileSync(path, text);
      return {};
    } catch (error) {
      return { error: `${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
  },
};
