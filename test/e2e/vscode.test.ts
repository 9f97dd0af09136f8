/**
 * sysd in a real VS Code: code-server with the packaged .vsix installed,
 * driven by headless Chromium, on a copy of examples/ and a broken file. It
 * checks what a person sees: the language mode, syntax colours, the status
 * bar, the code lens, an inlay hint, a hover, the Problems panel (and the
 * three-tier example's findings at their lines, as `sysd check` reports them),
 * the preview (one node per component, click to go to a declaration, the
 * cursor highlighting a node, a what-if toggle), the rendered report, the SVG
 * export, and the spof and syntax quick fixes. A screenshot of each step goes
 * to test-results/e2e/.
 *
 * It fails, saying what to install, when scripts/e2e-setup.sh has not
 * installed the tools (it never skips), and always stops Chromium and
 * code-server, even when a step fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCodeServer, installExtension, type CodeServer } from '../../scripts/editor/code-server';
import { requireTools, ROOT, waitFor } from './e2e-env';
import type { Frame } from 'playwright-core';
import { componentsOf, findingsOf, lineOf } from './expected';
import { vsixFor } from './vsix';
import { COMPONENT, classesOf, componentNames, frameWith } from './webview';
import { Workbench } from './workbench';

// A forgotten ':' after a key: a syntax error the language server reports.
const BROKEN = 'system broken {\n  users web { rps: 10 }\n  service api { replicas 2 }\n  web -> api\n}\n';

test('sysd in VS Code (code-server + Chromium)', { timeout: 600_000 }, async (t) => {
  const tools = requireTools();
  const scratch = mkdtempSync(join(tmpdir(), 'sysd-e2e-'));
  const workspace = join(scratch, 'workspace');
  mkdirSync(workspace);
  for (const name of readdirSync(join(ROOT, 'examples'))) copyFileSync(join(ROOT, 'examples', name), join(workspace, name));
  const checkoutFile = join(workspace, 'checkout.sysd');
  writeFileSync(join(workspace, 'broken.sysd'), BROKEN);

  let server: CodeServer | undefined;
  let bench: Workbench | undefined;
  try {
    // Each phase's duration is printed as a test diagnostic, to judge whether CI can afford the test.
    let since = Date.now();
    const lap = (what: string) => {
      t.diagnostic(`${what}: ${((Date.now() - since) / 1000).toFixed(1)} s`);
      since = Date.now();
    };
    const vsix = vsixFor(scratch);
    lap('vsix ready');
    installExtension(tools, scratch, vsix);
    lap('extension installed');
    server = await startCodeServer(tools, scratch, workspace);
    lap('code-server answering');
    bench = await Workbench.open(tools.chromium, server.url);
    lap('workbench loaded in Chromium');
    const wb = bench;
    await wb.screenshot('workbench');

    // Each step leaves a screenshot, passed or failed. The steps after the first need
    // checkout.sysd open, so they skip, rather than each wait out its time, when it is not.
    let opened = false;
    const step = (name: string, shot: string, body: () => Promise<void>) =>
      t.test(name, { skip: opened ? false : 'checkout.sysd did not open' }, async () => {
        try {
          await body();
        } finally {
          await wb.screenshot(shot);
        }
      });

    await t.test('Quick Open opens the broken file and then checkout.sysd in the sysd language mode', async () => {
      try {
        await wb.quickOpen('broken.sysd');
        await wb.screenshot('broken-open');
        await wb.quickOpen('checkout.sysd');
        opened = true;
        const mode = await waitFor('the sysd language mode', 20_000, async () => ((await wb.languageMode()) === 'sysd' ? 'sysd' : undefined));
        assert.equal(mode, 'sysd');
      } finally {
        await wb.screenshot('checkout-open');
      }
    });

    await step('keywords, names and numbers are coloured differently', 'colours', async () => {
      // Colouring is asynchronous; wait until the keyword has a colour of its own, then check.
      const colourOf = (classes: Map<string, Set<string>>, word: string) => [...(classes.get(word) ?? [])].join(' ');
      const classes = await waitFor('coloured tokens', 10_000, async () => {
        const found = await wb.tokenClasses();
        return found.has('system') && colourOf(found, 'system') !== colourOf(found, 'checkout') ? found : undefined;
      }).catch(() => wb.tokenClasses());
      const of = (word: string) => colourOf(classes, word);
      assert.ok(classes.has('system'), `no token 'system' on screen: ${[...classes.keys()].slice(0, 30).join(', ')}`);
      assert.notEqual(of('system'), of('checkout'), 'the keyword system and the name checkout have the same colour');
      const distinct = new Set([...classes.values()].flatMap((s) => [...s]));
      assert.ok(distinct.size >= 4, `only ${distinct.size} token colours on screen: ${[...distinct].join(', ')}`);
    });

    await step('the status bar shows the system availability', 'status-bar', async () => {
      const item = await waitFor('the sysd status bar item', 30_000, async () =>
        (await wb.statusBarItems()).find((text) => text.includes('99.969%')));
      // The figure and the tick that says it meets the 99.95% SLO.
      assert.match(item, /99\.969% ✓/);
    });

    await step('the code lens above the system shows its availability against the SLO', 'code-lens', async () => {
      const lenses = await waitFor('the code lens', 30_000, async () => {
        const found = await wb.codeLenses();
        return found.some((l) => l.includes('availability')) ? found : undefined;
      });
      const summary = lenses.find((l) => l.includes('availability')) ?? '';
      assert.match(summary, /availability 99\.969%/);
      assert.match(summary, /SLO 99\.95% ✓/);
    });


    await step('an inlay hint after a component shows its availability and utilisation', 'inlay-hint', async () => {
      const hints = await waitFor('the inlay hint on api', 30_000, async () => {
        const found = await wb.injectedTexts('service api "Checkout API"');
        return found.some((h) => /\d%/.test(h)) ? found : undefined;
      });
      // The hint is text the editor shows that the file does not hold, right after the label.
      assert.match(hints.join(' '), /^99\.\d+% · \d+%$/, `the hints on the api line: ${hints.join(' | ')}`);
    });

    await step('hovering a component shows its availability', 'hover-api', async () => {
      const text = await waitFor('the hover on api', 30_000, async () => {
        const shown = await wb.hover('service api "Checkout API"', 'api');
        return shown.includes('availability') ? shown : undefined;
      });
      assert.match(text, /service api/);
      assert.match(text, /availability: 99\.\d+%/);
    });

    await step('the Problems panel lists the spof warnings and the syntax error of the broken file', 'problems', async () => {
      // The whole list first, as a person opening the panel sees it, then each finding through the filter box.
      const all = await waitFor('spof and syntax problems', 30_000, async () => {
        const found = await wb.problems();
        const joined = found.join('\n');
        return joined.includes('checkout.sysd') && joined.includes('broken.sysd') ? found : undefined;
      });
      assert.ok(all.some((r) => r.includes("expected ':' after 'replicas'")), `no syntax error in:\n${all.join('\n')}`);
      const spof = await waitFor('the route53 warning', 10_000, async () =>
        (await wb.problems('route53')).find((r) => r.includes("'route53' is a single point of failure")));
      assert.match(spof, /sysd\W*spof/);
      assert.match(spof, /^Warning/);
      assert.match(spof, /\[Ln 14, Col 7\]/);
      const syntax = (await wb.problems('replicas')).find((r) => r.includes("expected ':' after 'replicas'"));
      assert.ok(syntax, 'the filter lost the syntax error');
      assert.match(syntax, /sysd\W*syntax/);
      assert.match(syntax, /^Error/);
    });

    // The preview: opened from the Command Palette beside checkout.sysd, one node per component.
    let preview: Frame | undefined;
    const previewFrame = () => {
      if (!preview || preview.isDetached()) throw new Error('the preview is not open (see the open-preview step)');
      return preview;
    };
    await step('sysd: Open Preview shows one node per component beside the editor', 'preview', async () => {
      await wb.dismiss();
      await wb.goToLine(1);
      // Room for the diagram: the side bar and the Problems panel make way, as a person would make them.
      await wb.hideSideBarAndPanel();
      await wb.runCommand('sysd: Open Preview');
      preview = await frameWith(wb.page, COMPONENT, 'a webview with the diagram\'s components');
      const want = componentsOf(checkoutFile);
      const shown = await waitFor('every component drawn', 15_000, async () => {
        const names = await componentNames(previewFrame());
        return names.length >= want.length ? names : undefined;
      }).catch(() => componentNames(previewFrame()));
      assert.deepEqual([...shown].sort(), [...want].sort());
    });

    await step('clicking a node in the preview moves the cursor to its declaration', 'preview-click', async () => {
      await wb.dismiss();
      await wb.goToLine(1);
      await previewFrame().locator(`${COMPONENT}[data-name="redis"]`).first().click();
      const declared = lineOf(checkoutFile, 'cache redis');
      const line = await waitFor(`the cursor on line ${declared}`, 10_000, async () => ((await wb.cursorLine()) === declared ? declared : undefined))
        .catch(async () => wb.cursorLine());
      assert.equal(line, declared, 'the cursor is not on the declaration of redis');
    });

    await step('moving the cursor to a component highlights its node', 'preview-highlight', async () => {
      await wb.dismiss();
      await wb.goToLine(lineOf(checkoutFile, 'database orders') + 1);
      const classes = await waitFor('orders highlighted', 10_000, async () => {
        const found = await classesOf(previewFrame(), 'orders');
        return found.includes('sysd-selected') ? found : undefined;
      }).catch(() => classesOf(previewFrame(), 'orders'));
      assert.ok(classes.includes('sysd-selected'), `orders has the classes: ${classes.join(' ')}`);
      assert.ok(!(await classesOf(previewFrame(), 'redis')).includes('sysd-selected'), 'redis is still highlighted too');
    });

    await step('a what-if toggle greys the component it fails', 'preview-what-if', async () => {
      await wb.dismiss();
      const frame = previewFrame();
      const summaryBefore = await frame.locator('#sysd-whatif-summary').innerText({ timeout: 5_000 }).catch(() => '');
      await frame.locator('button[data-whatif="stripe"]').first().click();
      const classes = await waitFor('stripe greyed', 10_000, async () => {
        const found = await classesOf(frame, 'stripe');
        return found.includes('sysd-lost') ? found : undefined;
      }).catch(() => classesOf(frame, 'stripe'));
      assert.ok(classes.includes('sysd-lost'), `stripe has the classes: ${classes.join(' ')}`);
      const summary = await frame.locator('#sysd-whatif-summary').innerText({ timeout: 5_000 });
      assert.notEqual(summary.trim(), summaryBefore.trim(), 'the what-if summary did not change');
      assert.match(summary, /stripe/);
      await wb.screenshot('preview-what-if-stripe-failed');
      // Turning it off again restores the diagram.
      await frame.locator('button[data-whatif="stripe"]').first().click();
      await waitFor('stripe restored', 10_000, async () => !(await classesOf(frame, 'stripe')).includes('sysd-lost'));
    });

    await step('sysd: Show Report shows the rendered report beside the editor', 'report', async () => {
      await wb.dismiss();
      await wb.goToLine(1);
      await wb.runCommand('sysd: Show Report');
      // Rendered means a table in a webview (the markdown preview), not the markdown source in an editor.
      const frame = await frameWith(wb.page, 'table', 'a webview with the rendered report');
      const text = await waitFor('the report\'s figures', 15_000, async () => {
        const body = await frame.locator('body').innerText();
        return /availability/i.test(body) && /\d+(\.\d+)?%/.test(body) && body.includes('stripe') ? body : undefined;
      });
      for (const name of componentsOf(checkoutFile)) assert.ok(text.includes(name), `the report does not name ${name}`);
    });

    await step('sysd: Export Diagram as SVG writes the diagram to a file', 'export-svg', async () => {
      await wb.dismiss();
      await wb.goToLine(1);
      const target = join(workspace, 'checkout.svg');
      await wb.runCommand('sysd: Export Diagram as SVG');
      // code-server's save dialog is a path in the quick input, proposed as checkout.svg beside the file.
      const input = wb.page.locator('.quick-input-widget input');
      const proposed = await waitFor('the save dialog proposing an .svg file', 30_000, async () => {
        const value = (await input.isVisible()) ? await input.inputValue() : '';
        return value.endsWith('.svg') ? value : undefined;
      });
      assert.match(proposed, /checkout\.svg$/);
      await wb.page.keyboard.press('Enter');
      const svg = await waitFor('checkout.svg on disk', 30_000, () => (existsSync(target) ? readFileSync(target, 'utf8') : undefined));
      assert.match(svg, /<svg[\s>]/);
      for (const name of ['api', 'orders', 'stripe']) assert.ok(svg.includes(name), `the SVG does not name ${name}`);
      await waitFor('the saved message', 10_000, async () => (await wb.notifications()).find((n) => n.includes('checkout.svg')));
    });


    await step("the spof quick fix adds a replica to route53 and its warning disappears", 'spof-fix', async () => {
      await wb.dismiss();
      const warning = "'route53' is a single point of failure";
      const title = "Add replicas: 2 to 'route53'";
      let seen = '';
      const fixed = await waitFor('the spof fix applied', 45_000, async () => {
        const now = await wb.lineText('dns route53').catch((e: Error) => `(${e.message.split('\n')[0]})`);
        if (/replicas: 2/.test(now)) return now;
        const entries = await wb.quickFixesOfProblem(warning, 'checkout.sysd').catch((e: Error) => [`(${e.message.split('\n')[0]})`]);
        seen = `line '${now}', menu: ${entries.join(' | ')}`;
        if (entries.some((e) => e.includes(title))) {
          await wb.screenshot('spof-fix-menu');
          await wb.applyQuickFix(title).catch(() => undefined);
        } else await wb.page.keyboard.press('Escape');
        return undefined;
      }).catch((error: Error) => {
        throw new Error(`${error.message}; last seen: ${seen}`);
      });
      assert.match(fixed, /dns route53.*replicas: 2/);
      // The other spof warnings stay: the fix touched route53 only.
      assert.ok((await wb.problems('edge')).some((r) => r.includes("'edge' is a single point of failure")), 'the edge warning went too');
      // The screenshot shows the panel filtered on route53, with its warning gone.
      const rows = await waitFor('the route53 warning gone', 30_000, async () => {
        const found = await wb.problems('route53');
        return !found.some((r) => r.includes(warning)) ? found : undefined;
      }).catch(() => wb.problems('route53'));
      assert.ok(!rows.some((r) => r.includes(warning)), `the Problems panel still lists: ${rows.filter((r) => r.includes(warning)).join('\n')}`);
      // The figures above the system follow the edit: a second DNS replica lifts the system to 99.979%.
      // VS Code asks for code lenses only while the editor has the focus (the Problems panel has it now),
      // so the focus goes back to the editor, as a user's would.
      await wb.page.keyboard.press('Control+1');
      let lenses: string[] = [];
      await waitFor('the code lens with the fixed figure', 30_000, async () => {
        lenses = await wb.codeLenses();
        return lenses.some((l) => /availability 99\.979%.*5 warnings/.test(l)) || undefined;
      }).catch(() => assert.fail(`the code lens still reads: ${lenses.join(' | ')}`));
    });

    await step("the broken file's forgotten ':' has a quick fix that adds it", 'quick-fix', async () => {
      // As a user would: from the error in the Problems panel (open since the last step) to its fix.
      // The menu can close when fresh diagnostics arrive, so open-and-choose is retried until the line changes.
      const title = "Add ':' after 'replicas'";
      let offered: string[] = [];
      let shot = false;
      let seen = '';
      const fixed = await waitFor('the quick fix applied', 45_000, async () => {
        const now = await wb.lineText('service api').catch((e: Error) => `(${e.message.split('\n')[0]})`);
        if (now.includes('replicas: 2')) return now;
        const entries = await wb.quickFixesOfProblem("expected ':' after 'replicas'", 'broken.sysd').catch((e: Error) => [`(${e.message.split('\n')[0]})`]);
        seen = `line '${now}', menu: ${entries.join(' | ')}`;
        if (entries.some((e) => e.includes(title))) {
          offered = entries;
          if (!shot) await wb.screenshot('quick-fix-menu');
          shot = true;
          await wb.applyQuickFix(title).catch(() => undefined);
        } else await wb.page.keyboard.press('Escape');
        return undefined;
      }).catch((error: Error) => {
        throw new Error(`${error.message}; last seen: ${seen}`);
      });
      assert.ok(offered.some((e) => e.includes(title)), `the menu offered: ${offered.join(' | ')}`);
      // The line as shown also holds the inlay hint after the name (`service api 99.9999% { ... }`).
      assert.match(fixed, /\{ replicas: 2 \}/);
    });

    await step("the Problems panel lists the three-tier example's findings at their lines", 'problems-three-tier', async () => {
      await wb.dismiss();
      await wb.quickOpen('three-tier.sysd');
      // The Problems panel leaves hints out; everything else sysd check reports must be listed.
      const want = findingsOf(join(workspace, 'three-tier.sysd')).filter((f) => f.severity !== 'hint');
      assert.ok(want.length > 0, 'sysd check finds nothing in three-tier.sysd, so this step would prove nothing');
      const rows = await waitFor('the three-tier findings', 30_000, async () => {
        const found = await wb.problems('three-tier');
        return want.every((f) => found.some((r) => r.includes(f.message))) ? found : undefined;
      }).catch(() => wb.problems('three-tier'));
      for (const f of want) {
        const row = rows.find((r) => r.includes(f.message));
        assert.ok(row, `no row for ${f.code} '${f.message}' in:\n${rows.join('\n')}`);
        assert.ok(row.includes(`[Ln ${f.line}, Col ${f.column}]`), `${f.code} is not at line ${f.line}, column ${f.column}: ${row}`);
        assert.ok(row.includes(f.code), `the row does not name ${f.code}: ${row}`);
        assert.ok(row.toLowerCase().startsWith(f.severity), `the row is not marked ${f.severity}: ${row}`);
      }
      const markers = rows.filter((r) => /^(Error|Warning|Info)\b/.test(r));
      assert.equal(markers.length, want.length, `the panel lists other findings for three-tier.sysd:\n${markers.join('\n')}`);
    });

    await step('the walkthrough lists its five steps, each with its button and picture', 'walkthrough', async () => {
      await wb.dismiss();
      // The walkthrough shows its pictures beside the steps only when it has the width: one editor group, no panel.
      await wb.page.keyboard.press('Control+1');
      await wb.runCommand('View: Close Editors in Other Groups');
      await wb.hideSideBarAndPanel();
      await wb.runCommand('Welcome: Open Walkthrough...');
      await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with sysd' }).first().click();
      const page = wb.page.locator('.gettingStartedContainer');
      for (const title of ['Open an example', 'See the figures', 'Open the preview', 'Fail a zone', 'Run sysd check in CI']) {
        await page.locator('.getting-started-step', { hasText: title }).first().waitFor({ timeout: 20_000 });
      }
      // The first step is expanded: its button and its picture are on screen.
      await page.getByRole('button', { name: 'Open an Example' }).first().waitFor({ timeout: 10_000 });
      const picture = page.locator('.getting-started-media img').first();
      await picture.waitFor({ timeout: 10_000 });
      assert.ok(await picture.evaluate((img) => (img as HTMLImageElement).naturalWidth > 0), 'the picture did not load');
    });
    lap('all steps');
  } catch (error) {
    await bench?.screenshot('failure');
    const log = server?.log.join('').slice(-3000) ?? '';
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- code-server log ---\n${log}`);
  } finally {
    await bench?.close();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  }
});
