// `npm run demo`: the command-line tour. Builds, then checks every example
// with the sysd command line, prints each example's report and writes its
// diagram to out/examples/NAME.svg. Findings are the point of the run, so
// they do not fail it; a crash or an unreadable file does (exit 2).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const sysd = (...args) => spawnSync(process.execPath, ['bin/sysd.js', ...args], { stdio: 'inherit' }).status;

const examples = readdirSync('examples').filter((f) => f.endsWith('.sysd')).sort().map((f) => join('examples', f));
mkdirSync('out/examples', { recursive: true });
let failed = false;
console.log(`== sysd check ${examples.join(' ')}`);
if (sysd('check', ...examples) === 2) failed = true;
for (const file of examples) {
  console.log(`\n== sysd report ${file}`);
  if (sysd('report', file) === 2) failed = true;
  const svg = join('out/examples', basename(file, '.sysd') + '.svg');
  if (sysd('render', file, '-o', svg) === 2) failed = true;
  else console.log(`diagram: ${svg}`);
}
process.exit(failed ? 2 : 0);
