/**
 * The largest model file the tools read (docs/language.md, "Limits"). Past
 * it the analysis would need more than about 1 GB of memory, so the CLI
 * refuses the file with one clear line instead of running out of memory.
 */
export const MAX_MODEL_BYTES = 8 * 1024 * 1024;

/** The one-line reason a file is refused, without the file's name. */
export function tooLargeMessage(bytes: number): string {
  const mb = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  return `is ${mb(bytes)}; sysd reads model files of at most ${mb(MAX_MODEL_BYTES)}`;
}
