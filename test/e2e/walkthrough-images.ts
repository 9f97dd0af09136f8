/**
 * Takes the walkthrough's pictures (media/walkthrough/*.png) from the real
 * editor, the way the end-to-end test drives it: code-server with the packaged
 * .vsix, on a copy of examples/. Run it after `npm run package` or `npm test`:
 *   node --import tsx test/e2e/walkthrough-images.ts
 * Look at every picture before committing it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installExtension, startCodeServer } from '../../scripts/editor/code-server';
import { requireTools, ROOT, waitFor } from './e2e-env';
import { COMPONENT, frameWith } from './webview';
import { Workbench } from './workbench';

const OUT = join(ROOT, 'media', 'walkthrough');
const tools = requireTools();
const scratch = mkdtempSync(join(tmpdir(), 'sysd-walkthrough-'));
const workspace = join(scratch, 'workspace');
mkdirSync(workspace);
for (const name of readdirSync(join(ROOT, 'examples'))) copyFileSync(join(ROOT, 'examples', name), join(workspace, name));
mkdirSync(OUT, { recursive: true });
installExtension(tools, scratch, join(ROOT, 'dist', 'sysd.vsix'));
const server = await startCodeServer(tools, scratch, workspace);
const wb = await Workbench.open(tools.chromium, server.url, { width: 1280, height: 760 });
const shot = async (name: string) => {
  await wb.page.waitForTimeout(1_000);
  await wb.page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`wrote media/walkthrough/${name}.png`);
};
try {
  await wb.quickOpen('checkout.sysd');
  await wb.hideSideBarAndPanel();
  await waitFor('the code lens', 60_000, async () => ((await wb.codeLenses()).some((l) => l.includes('availability')) ? true : undefined));
  await wb.dismiss();
  await shot('open-example');

  await wb.runCommand('sysd: Show Report');
  await frameWith(wb.page, 'table', 'the rendered report');
  await shot('figures');

  await wb.page.keyboard.press('Control+1');
  await wb.runCommand('View: Close Editors in Other Groups');
  await wb.goToLine(23);
  await wb.runCommand('sysd: Open Preview');
  const preview = await frameWith(wb.page, COMPONENT, 'the preview');
  await wb.page.waitForTimeout(2_000);
  // Fit again once the what-if list has taken its room, so the whole diagram shows.
  await preview.getByRole('button', { name: 'Fit', exact: true }).click().catch(() => undefined);
  await shot('preview');

  await preview.locator('button[data-whatif="use1-a"]').first().click();
  await waitFor('the what-if summary', 20_000, async () => ((await preview.locator('#sysd-whatif-summary').innerText()).includes('use1-a') ? true : undefined));
  await shot('what-if');

  await wb.page.keyboard.press('Control+1');
  await wb.runCommand('View: Close Editors in Other Groups');
  await wb.runCommand('Terminal: Create New Terminal');
  await wb.page.locator('.terminal-wrapper').first().waitFor();
  await wb.page.waitForTimeout(3_000);
  // A short prompt and `sysd` as the installed package names it (npx sysd), so the picture shows no machine paths.
  await wb.page.keyboard.type(`PS1='$ '; alias sysd='node ${join(ROOT, 'bin', 'sysd.js')}'\n`);
  await wb.page.waitForTimeout(2_000);
  await wb.page.keyboard.type('clear\n');
  await wb.page.waitForTimeout(2_000);
  await wb.runCommand('View: Toggle Maximized Panel');
  await wb.page.locator('.terminal-wrapper').first().click();
  await wb.page.keyboard.type('sysd check three-tier.sysd multi-region.sysd; echo "exit status $?"\n');
  await wb.page.waitForTimeout(5_000);
  await shot('ci');
} finally {
  await wb.close();
  await server.stop();
  rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
}
