/** Command-line arguments of `sysd` (docs/language.md §10), parsed without a library: the surface is small. */

export type Command = 'check' | 'report' | 'render';

export interface Args {
  command: Command;
  files: string[];
  format: string;
  maxWarnings?: number;
  output?: string;
  theme: 'light' | 'dark';
  system?: string;
  /** render: exit 1 on findings as check does, instead of 0 once the diagram is written. */
  strict?: boolean;
}

export const USAGE = `usage:
  sysd check  FILE...  [--format text|json|sarif] [--max-warnings N]
  sysd report FILE     [--format text|json|markdown]
  sysd render FILE     [-o OUT.svg] [--theme light|dark] [--system NAME] [--strict]

exit status: 0 no errors (and warnings within --max-warnings), 1 findings, 2 bad usage or unreadable file;\nrender exits 0 once the diagram is written (1 on findings with --strict)`;

const FORMATS: Record<Command, string[]> = { check: ['text', 'json', 'sarif'], report: ['text', 'json', 'markdown'], render: ['svg'] };

export function parseArgs(argv: string[]): Args | { error: string } | { help: true } | { usage: true } {
  if (argv.length === 0) return { usage: true };
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { help: true };
  const command = argv[0];
  if (command !== 'check' && command !== 'report' && command !== 'render') return { error: `unknown command '${command}': use check, report or render` };
  const args: Args = { command, files: [], format: command === 'render' ? 'svg' : 'text', theme: 'light' };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const value = (flag: string): string | undefined => {
      const eq = arg.indexOf('=');
      if (eq > 0) return arg.slice(eq + 1);
      i++;
      return argv[i];
    };
    const flag = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (flag === '--help' || flag === '-h') return { help: true };
    if (flag === '--format' || flag === '-f') {
      const v = value(flag);
      if (!v || !FORMATS[command].includes(v)) return { error: `--format for ${command} takes ${FORMATS[command].join(', ')}${v ? `, not '${v}'` : ''}` };
      args.format = v;
    } else if (flag === '--max-warnings' && command === 'check') {
      const v = value(flag);
      if (!v || !/^\d+$/.test(v)) return { error: `--max-warnings takes a whole number${v ? `, not '${v}'` : ''}` };
      args.maxWarnings = Number(v);
    } else if ((flag === '-o' || flag === '--output') && command === 'render') {
      const v = value(flag);
      if (!v) return { error: `${flag} takes a file name` };
      args.output = v;
    } else if (flag === '--theme' && command === 'render') {
      const v = value(flag);
      if (v !== 'light' && v !== 'dark') return { error: `--theme takes light or dark${v ? `, not '${v}'` : ''}` };
      args.theme = v;
    } else if (flag === '--system' && command === 'render') {
      const v = value(flag);
      if (!v) return { error: '--system takes a system name' };
      args.system = v;
    } else if (flag === '--strict' && command === 'render') {
      args.strict = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { error: `unknown option '${arg}' for ${command}` };
    } else args.files.push(arg);
  }
  if (args.files.length === 0) return { error: `${command} needs a file` };
  if (command !== 'check' && args.files.length > 1) return { error: `${command} takes one file, not ${args.files.length}` };
  return args;
}
