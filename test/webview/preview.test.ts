/**
 * The preview webview in headless Chromium with a stub of VS Code's message
 * API: what a reader sees and what the page tells the extension. Each test
 * fails on a CSP violation, a console error or a request outside the
 * extension. Screenshots of every example and theme go to
 * test-results/preview/ (git-ignored) for a person to look at.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { disposeLayouter } from '../../server/features/export-svg';
import type { PreviewWhatIf } from '../../protocol/preview';
import { themeCss } from '../../core/diagram/theme';
import { ROOT, diagramMessage, diagramOf, launch, openPreview, screenshot, type Theme } from './harness';

const EXAMPLES = join(ROOT, 'examples');
const checkoutText = readFileSync(join(EXAMPLES, 'checkout.sysd'), 'utf8');

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  disposeLayouter();
});

describe('preview webview', () => {
  test('renders every system of every example, one element per component, zone and region drawn', async () => {
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.sysd')).sort()) {
      const text = readFileSync(join(EXAMPLES, file), 'utf8');
      const first = await diagramOf(text);
      for (const system of first.systems) {
        const result = await diagramOf(text, system);
        const p = await openPreview(browser);
        await p.send(diagramMessage(result, file));
        await p.page.waitForSelector('#sysd-canvas svg');
        const components = result.elements.filter((e) => e.kind === 'component').map((e) => e.name);
        const shown = await p.page.$$eval('[data-sysd="component"]', (els) => els.map((e) => e.getAttribute('data-name')));
        assert.deepEqual(shown.sort(), [...components].sort(), `${file} ${system}: every component drawn`);
        const toggles = await p.page.$$eval('button[data-whatif]', (els) => els.map((e) => e.getAttribute('data-whatif')));
        assert.deepEqual(toggles.sort(), result.elements.map((e) => e.name).sort(), `${file} ${system}: a what-if toggle per component, zone and region`);
        // The theme's stylesheet applies: the background is the light palette's, not the SVG default black.
        const bg = await p.page.$eval('.sysd-bg', (el) => getComputedStyle(el).fill);
        assert.equal(bg, 'rgb(255, 255, 255)');
        assert.equal(await p.page.isHidden('#sysd-stale'), true);
        await screenshot(p.page, `${file.replace(/\.sysd$/, '')}-${system}`);
        p.assertClean();
        await p.close();
      }
    }
  });

  test('a click on a component, a group and an edge posts reveal with its range and the diagram version', async () => {
    const result = await diagramOf(checkoutText, undefined, 7);
    const p = await openPreview(browser);
    await p.send(diagramMessage(result));
    await p.page.waitForSelector('#sysd-canvas svg');
    await p.page.click('[data-sysd="component"][data-name="api"] .sysd-label');
    const api = result.elements.find((e) => e.name === 'api')!;
    let reveals = (await p.posted()).filter((m) => (m as { type: string }).type === 'reveal');
    assert.deepEqual(reveals.at(-1), { type: 'reveal', version: 7, range: api.range, selection: api.nameRange });
    assert.ok(api.range[1] - api.range[0] > 20 && checkoutText.slice(api.nameRange[0], api.nameRange[1]) === 'api');
    assert.equal(await p.page.$eval('[data-name="api"]', (el) => el.classList.contains('sysd-selected')), true);

    await p.page.click('[data-sysd="region"][data-name="us-east"] .sysd-group-label');
    reveals = (await p.posted()).filter((m) => (m as { type: string }).type === 'reveal');
    const region = result.elements.find((e) => e.name === 'us-east')!;
    assert.deepEqual(reveals.at(-1), { type: 'reveal', version: 7, range: region.range, selection: region.nameRange });

    const edge = await p.page.$eval('[data-sysd="edge"][data-from="api"][data-to="stripe"]', (el) => el.getAttribute('data-range'));
    await p.page.$eval('[data-sysd="edge"][data-from="api"][data-to="stripe"] .sysd-edge-label', (el) => (el as SVGElement).dispatchEvent(new MouseEvent('click', { bubbles: true })));
    reveals = (await p.posted()).filter((m) => (m as { type: string }).type === 'reveal');
    const last = reveals.at(-1) as { range: [number, number]; selection: [number, number] };
    assert.deepEqual(last.range.join(','), edge);
    assert.equal(checkoutText.slice(last.selection[0], last.selection[1]), 'stripe');
    p.assertClean();
    await p.close();
  });

  test('the tooltip is the server\'s hover text for the element under the pointer', async () => {
    const result = await diagramOf(checkoutText);
    const p = await openPreview(browser);
    await p.send(diagramMessage(result));
    await p.page.waitForSelector('#sysd-canvas svg');
    await p.page.hover('[data-name="orders"] .sysd-label');
    assert.equal(await p.page.textContent('#sysd-tooltip'), result.elements.find((e) => e.name === 'orders')!.tooltip);
    assert.equal(await p.page.isVisible('#sysd-tooltip'), true);
    await p.page.hover('#sysd-zoom-in');
    assert.equal(await p.page.isHidden('#sysd-tooltip'), true);
    p.assertClean();
    await p.close();
  });

  test('with reduced motion, fit and zoom jump instead of gliding', async () => {
    const result = await diagramOf(checkoutText);
    const p = await openPreview(browser);
    await p.send(diagramMessage(result));
    await p.page.waitForSelector('#sysd-canvas svg');
    // The class a glide puts on the canvas for its duration, read while it is on (no timing involved).
    const transition = () => p.page.$eval('#sysd-canvas', (el) => {
      el.classList.add('sysd-animate');
      const duration = getComputedStyle(el).transitionDuration;
      el.classList.remove('sysd-animate');
      return duration;
    });
    assert.equal(await transition(), '0.18s', 'zoom and fit glide by default');
    await p.send({ type: 'settings', reducedMotion: true, exportCss: '' });
    assert.equal(await transition(), '0s');
    p.assertClean();
    await p.close();
  });

  test('another file with nothing to draw yet clears the old picture', async () => {
    const p = await openPreview(browser);
    await p.send(diagramMessage(await diagramOf(checkoutText)));
    await p.page.waitForSelector('#sysd-canvas svg');
    await p.send({ type: 'diagram', uri: 'file:///other.sysd', fileName: 'other.sysd', stale: true, result: { uri: 'file:///other.sysd', version: 1, parses: false, systems: [], elements: [], error: 'The file does not parse yet.' } });
    assert.equal(await p.page.$$eval('#sysd-canvas svg', (els) => els.length), 0);
    assert.equal(await p.page.textContent('#sysd-message'), 'The file does not parse yet.');
    assert.equal(await p.page.$$eval('button[data-whatif]', (els) => els.length), 0);
    p.assertClean();
    await p.close();
  });

  test('a redraw keeps the reader\'s view, except when ELK\'s layout replaces the quick simple one', async () => {
    const result = await diagramOf(checkoutText);
    const p = await openPreview(browser);
    const zoom = () => p.page.textContent('#sysd-zoom-level');
    await p.send(diagramMessage({ ...result, layout: 'fallback' }));
    await p.page.waitForSelector('#sysd-canvas svg');
    const fitted = await zoom();
    await p.page.click('#sysd-zoom-in');
    assert.notEqual(await zoom(), fitted);
    await p.send(diagramMessage({ ...result, version: 2, layout: 'new' }));
    assert.equal(await zoom(), fitted, 'ELK\'s layout after a fallback is fitted');
    await p.page.click('#sysd-zoom-in');
    const zoomed = await zoom();
    await p.send(diagramMessage({ ...result, version: 3, layout: 'reused' }));
    assert.equal(await zoom(), zoomed, 'an edit keeps the view');
    await p.send(diagramMessage({ ...result, version: 4, layout: 'new' }));
    assert.equal(await zoom(), zoomed, 'a new layout of an edited model keeps the view too');
    p.assertClean();
    await p.close();
  });

  test('a drag pans without revealing anything', async () => {
    const result = await diagramOf(checkoutText);
    const p = await openPreview(browser);
    await p.send(diagramMessage(result));
    await p.page.waitForSelector('#sysd-canvas svg');
    const before = await p.page.$eval('#sysd-canvas', (el) => (el as HTMLElement).style.transform);
    const box = (await p.page.$('[data-name="api"] .sysd-label'))!;
    const at = (await box.boundingBox())!;
    await p.page.mouse.move(at.x + 5, at.y + 5);
    await p.page.mouse.down();
    await p.page.mouse.move(at.x + 80, at.y + 40, { steps: 5 });
    await p.page.mouse.up();
    const moved = await p.page.$eval('#sysd-canvas', (el) => (el as HTMLElement).style.transform);
    assert.notEqual(moved, before);
    assert.equal((await p.posted()).filter((m) => (m as { type: string }).type === 'reveal').length, 0);
    p.assertClean();
    await p.close();
  });

  test('a cursor message highlights the element under the cursor, only for the version drawn', async () => {
    const result = await diagramOf(checkoutText, undefined, 3);
    const p = await openPreview(browser, { height: 300, width: 500 });
    await p.send(diagramMessage(result));
    await p.page.waitForSelector('#sysd-canvas svg');
    const selected = () => p.page.$$eval('.sysd-selected', (els) => els.map((e) => `${e.getAttribute('data-sysd')}:${e.getAttribute('data-name') ?? e.getAttribute('data-to')}`));
    const inside = (word: string, from = 0) => checkoutText.indexOf(word, from) + 2;

    await p.send({ type: 'cursor', version: 2, offset: inside('orders "Orders DB"') });
    assert.deepEqual(await selected(), [], 'an older version highlights nothing');
    await p.send({ type: 'cursor', version: 3, offset: inside('orders "Orders DB"') });
    assert.deepEqual(await selected(), ['component:orders']);
    // Scrolled into view: the panel is small, and the element is inside it.
    const inView = await p.page.$eval('[data-name="orders"]', (el) => {
      const r = el.getBoundingClientRect();
      const v = document.getElementById('sysd-viewport')!.getBoundingClientRect();
      return r.left >= v.left - 1 && r.right <= v.right + 1 && r.top >= v.top - 1 && r.bottom <= v.bottom + 1;
    });
    assert.equal(inView, true);
    // Checkout's zones hold nothing of their own, so they are named in their region's title, not drawn: the region lights up.
    await p.send({ type: 'cursor', version: 3, offset: inside('use1-b {') });
    assert.deepEqual(await selected(), ['region:us-east']);
    await p.send({ type: 'cursor', version: 3, offset: inside('stripe "charge"') });
    assert.deepEqual(await selected(), ['edge:stripe']);
    await p.send({ type: 'cursor', version: 3, offset: 0 });
    assert.deepEqual(await selected(), []);
    p.assertClean();
    await p.close();
  });

  test('a what-if toggle asks the host; its answer greys what is lost and shows the figures; clearing restores', async () => {
    const result = await diagramOf(checkoutText);
    const p = await openPreview(browser);
    await p.send(diagramMessage(result));
    await p.page.waitForSelector('#sysd-canvas svg');
    const figuresBefore = await p.page.$eval('[data-name="api"] .sysd-figures', (el) => el.textContent);
    await p.page.click('button[data-whatif="use1-a"]');
    const asked = (await p.posted()).filter((m) => (m as { type: string }).type === 'whatIf');
    assert.deepEqual(asked.at(-1), { type: 'whatIf', failed: ['use1-a'] });
    assert.equal(await p.page.getAttribute('button[data-whatif="use1-a"]', 'aria-pressed'), 'true');

    // The host's answer, as core and the server would give it (stubbed here).
    const answer: PreviewWhatIf = {
      failed: ['use1-a'],
      summary: 'zone use1-a down: shoppers still served; api at 120% of capacity',
      lost: ['use1-a', 'fulfil'],
      figures: { api: '2 of 4 instances · 99.9% · 120%', fulfil: 'not served' },
      systemFigures: 'availability under this failure 99.95%',
    };
    await p.send({ type: 'whatIf', result: answer });
    const lost = await p.page.$$eval('.sysd-lost', (els) => els.map((e) => e.getAttribute('data-name') ?? `${e.getAttribute('data-from')}->${e.getAttribute('data-to')}`));
    assert.deepEqual(lost.sort(), ['events->fulfil', 'fulfil', 'use1-a'].filter((n) => n !== 'use1-a' || lost.includes('use1-a')).sort());
    assert.ok(lost.includes('fulfil') && lost.includes('events->fulfil'));
    assert.equal(await p.page.$eval('[data-name="api"] .sysd-figures', (el) => el.textContent), '2 of 4 instances · 99.9% · 120%');
    assert.equal(await p.page.textContent('#sysd-whatif-summary'), answer.summary);
    assert.equal(await p.page.isVisible('#sysd-whatif-summary'), true);
    const opacity = await p.page.$eval('[data-name="fulfil"]', (el) => getComputedStyle(el).opacity);
    assert.ok(Number(opacity) < 0.5, 'a lost component is greyed');
    await screenshot(p.page, 'what-if-checkout-use1-a');

    await p.page.click('#sysd-whatif-clear');
    assert.deepEqual((await p.posted()).filter((m) => (m as { type: string }).type === 'whatIf').at(-1), { type: 'whatIf', failed: [] });
    assert.equal(await p.page.$$eval('.sysd-lost', (els) => els.length), 0);
    assert.equal(await p.page.$eval('[data-name="api"] .sysd-figures', (el) => el.textContent), figuresBefore);
    assert.equal(await p.page.isHidden('#sysd-whatif-summary'), true);
    p.assertClean();
    await p.close();
  });

  test('light, dark and both high-contrast themes follow VS Code\'s body class', async () => {
    const result = await diagramOf(checkoutText);
    const p = await openPreview(browser);
    await p.send(diagramMessage(result));
    await p.page.waitForSelector('#sysd-canvas svg');
    const colours = () => p.page.evaluate(() => {
      const fill = (sel: string) => getComputedStyle(document.querySelector(sel)!).fill;
      const stroke = (sel: string) => getComputedStyle(document.querySelector(sel)!).stroke;
      return { bg: fill('.sysd-bg'), label: fill('.sysd-label'), node: stroke('[data-name="api"] .sysd-shape') };
    });
    const seen = new Map<Theme, string>();
    for (const theme of ['vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light'] as Theme[]) {
      await p.setTheme(theme);
      const c = await colours();
      seen.set(theme, JSON.stringify(c));
      await screenshot(p.page, `theme-${theme}`);
    }
    assert.equal(JSON.parse(seen.get('vscode-light')!).bg, 'rgb(255, 255, 255)');
    assert.equal(JSON.parse(seen.get('vscode-dark')!).bg, 'rgb(30, 30, 30)');
    assert.equal(JSON.parse(seen.get('vscode-high-contrast')!).bg, 'rgb(0, 0, 0)');
    assert.equal(JSON.parse(seen.get('vscode-high-contrast-light')!).label, 'rgb(0, 0, 0)');
    assert.equal(new Set(seen.values()).size, 4, 'each theme has its own colours');
    p.assertClean();
    await p.close();
  });

  test('hostile labels stay text: no script runs, no handler or javascript: link survives', async () => {
    const hostile = [
      'system evil "<script>window.__pwned=1</script>" {',
      '  users u "<img src=x onerror=window.__pwned=2>" { rps: 10 }',
      '  service s "\\" onmouseover=\\"window.__pwned=3" { description: "<a href=\\"javascript:window.__pwned=4\\">x</a>" }',
      '  u -> s "</text><script>window.__pwned=5</script>"',
      '}',
    ].join('\n');
    const result = await diagramOf(hostile);
    assert.ok(result.svg, 'the hostile model is drawn');
    const p = await openPreview(browser);
    await p.send(diagramMessage(result, '<b>evil</b>.sysd'));
    await p.page.waitForSelector('#sysd-canvas svg');
    // A hand-made SVG that did not come through the server's escaping: the page's own filter must hold too.
    await p.page.hover('[data-name="s"] .sysd-label');
    const found = await p.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      scripts: document.querySelectorAll('#sysd-canvas script, #sysd-canvas foreignObject, #sysd-canvas img, #sysd-canvas a').length,
      handlers: Array.from(document.querySelectorAll('#sysd-canvas *')).flatMap((el) => Array.from(el.attributes).filter((a) => a.name.startsWith('on')).map((a) => a.name)),
      file: document.getElementById('sysd-file')!.textContent,
      fileHtml: document.getElementById('sysd-file')!.innerHTML,
      tooltip: document.getElementById('sysd-tooltip')!.textContent,
      labels: Array.from(document.querySelectorAll('#sysd-canvas text')).map((t) => t.textContent).join('\n'),
    }));
    assert.equal(found.pwned, undefined);
    assert.equal(found.scripts, 0);
    assert.deepEqual(found.handlers, []);
    assert.equal(found.file, '<b>evil</b>.sysd');
    assert.equal(found.fileHtml, '&lt;b&gt;evil&lt;/b&gt;.sysd');
    assert.match(found.tooltip ?? '', /onmouseover/);
    assert.match(found.labels, /<img src=x onerror=/);
    await screenshot(p.page, 'hostile-labels');
    p.assertClean();
    await p.close();
  });

  test('an SVG that did not come through the server\'s escaping is filtered by the page too', async () => {
    const result = await diagramOf(checkoutText);
    const p = await openPreview(browser);
    const forged = {
      ...result,
      svg: '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" onload="window.__pwned=6" data-sysd="system">'
        + '<script>window.__pwned=7</script><g data-sysd="component" data-name="x" data-range="0,1" onclick="window.__pwned=8" transform="translate(1,1)">'
        + '<a href="javascript:window.__pwned=9"><text class="sysd-label" x="10" y="20">click</text></a>'
        + '<foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:window.__pwned=10"></iframe></foreignObject>'
        + '<rect class="sysd-shape" width="50" height="30" xlink:href="javascript:1" onmouseover="window.__pwned=11"/></g></svg>',
    };
    await p.send(diagramMessage(forged));
    await p.page.waitForSelector('[data-name="x"]');
    await p.page.hover('[data-name="x"] rect');
    await p.page.click('[data-name="x"] rect');
    const after = await p.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      markup: document.getElementById('sysd-canvas')!.innerHTML,
    }));
    assert.equal(after.pwned, undefined);
    assert.doesNotMatch(after.markup, /script|onload|onclick|onmouseover|javascript|foreignObject|iframe|href/i);
    p.assertClean();
    await p.close();
  });

  test('the problem detector works: an inline style breaks the policy and is caught', async () => {
    const p = await openPreview(browser);
    await p.page.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = 'body{color:red}';
      document.head.append(s);
    });
    await p.page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0);
    await assert.rejects(p.close(), /content security policy violation/);
  });

  test('a file that stops parsing keeps its diagram, marked stale', async () => {
    const result = await diagramOf(checkoutText, undefined, 1);
    const p = await openPreview(browser);
    await p.send(diagramMessage(result));
    await p.page.waitForSelector('#sysd-canvas svg');
    assert.equal(await p.page.isHidden('#sysd-stale'), true);
    const broken = await diagramOf(checkoutText.replace('service api "Checkout API" {', 'service api "Checkout API {'), undefined, 2);
    assert.equal(broken.parses, false);
    await p.send({ type: 'stale', version: 2 });
    assert.equal(await p.page.isVisible('#sysd-stale'), true);
    await screenshot(p.page, 'stale');
    assert.equal(await p.page.$$eval('[data-sysd="component"]', (els) => els.length), result.elements.filter((e) => e.kind === 'component').length);
    await p.send(diagramMessage(await diagramOf(checkoutText, undefined, 3)));
    assert.equal(await p.page.isHidden('#sysd-stale'), true);
    p.assertClean();
    await p.close();
  });

  test('a file with several systems has a picker that asks the host for the chosen one', async () => {
    const text = `${checkoutText}\nsystem other { users u { rps: 1 }\n service s {}\n u -> s }\n`;
    const result = await diagramOf(text);
    assert.deepEqual(result.systems, ['checkout', 'other']);
    const p = await openPreview(browser);
    await p.send(diagramMessage(result));
    await p.page.waitForSelector('#sysd-canvas svg');
    assert.equal(await p.page.isVisible('#sysd-system'), true);
    await p.page.selectOption('#sysd-system', 'other');
    assert.deepEqual((await p.posted()).filter((m) => (m as { type: string }).type === 'pickSystem').at(-1), { type: 'pickSystem', system: 'other' });
    p.assertClean();
    await p.close();
  });

  test('zoom and position survive a reload through the saved state; export posts SVG and PNG', async () => {
    const result = await diagramOf(checkoutText);
    const state = { uri: result.uri, system: 'checkout', zoom: 0.5, x: 40, y: 30, failed: [], whatIfOpen: true };
    const p = await openPreview(browser, { state });
    await p.send({ type: 'settings', reducedMotion: false, exportCss: themeCss() });
    await p.send(diagramMessage(result));
    await p.page.waitForSelector('#sysd-canvas svg');
    assert.equal(await p.page.$eval('#sysd-canvas', (el) => (el as HTMLElement).style.transform), 'translate(40px, 30px) scale(0.5)');
    await p.page.click('#sysd-export-svg');
    await p.page.click('#sysd-export-png');
    await p.page.waitForFunction(() => (window as unknown as { __posted: { type: string; format?: string }[] }).__posted.some((m) => m.format === 'png'));
    const exports = (await p.posted()).filter((m) => (m as { type: string }).type === 'export') as { format: string; data: string }[];
    const svg = exports.find((e) => e.format === 'svg')!.data;
    assert.match(svg, /^<svg[\s>]/);
    assert.match(svg, /<style>[^<]*--sysd-bg/);
    assert.match(svg, /class="sysd-diagram sysd-light"/);
    const png = exports.find((e) => e.format === 'png')!.data;
    assert.match(png, /^data:image\/png;base64,/);
    assert.ok(png.length > 10_000, 'the PNG has the drawing in it');
    p.assertClean();
    await p.close();
  });
});
