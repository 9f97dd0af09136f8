// Renders SVG files to PNG with headless Chromium, to look at diagrams by eye.
// Usage: node scripts/svg-to-png.mjs IN.svg [OUT.png] [--dark]
// Needs a Chromium at /usr/bin/chromium (or $CHROMIUM).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const dark = args.includes('--dark');
const [input, output = input.replace(/\.svg$/, '') + '.png'] = args.filter((a) => !a.startsWith('--'));
if (!input) {
  console.error('usage: node scripts/svg-to-png.mjs IN.svg [OUT.png] [--dark]');
  process.exit(2);
}
const svg = readFileSync(input, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1.5 });
  // The body class is what VS Code sets, so `theme: auto` diagrams follow it here too.
  await page.setContent(`<!doctype html><html><body class="${dark ? 'vscode-dark' : 'vscode-light'}" style="margin:0">${svg}</body></html>`);
  const el = await page.$('svg');
  await el.screenshot({ path: output });
  console.log(output);
} finally {
  await browser.close();
}
