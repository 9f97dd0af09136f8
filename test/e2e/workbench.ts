/**
 * Drives the VS Code workbench in headless Chromium the way a person would:
 * keyboard shortcuts, Quick Open, the mouse over a word, and reads only what
 * is on screen (status bar, Problems panel, hover, code lens, quick fixes). Selectors are
 * the workbench's own DOM classes; each helper has one bounded wait.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { RESULTS, waitFor } from './e2e-env';

// The flags that let Debian's chromium run as root on a machine with no
// network beyond loopback, without trying to reach Google's services.
export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage',
];

export class Workbench {
  private shots = 0;

  private constructor(readonly browser: Browser, readonly page: Page) {}

  static async open(executablePath: string, url: string, viewport = { width: 1600, height: 1000 }): Promise<Workbench> {
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS, timeout: 30_000 });
    try {
      const page = await browser.newPage({ viewport });
      // Playwright's waits are hang guards: on a busy machine the workbench is many times slower.
      page.setDefaultTimeout(120_000);
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
      return new Workbench(browser, page);
    } catch (error) {
      await browser.close().catch(() => undefined);
      throw error;
    }
  }

  /** Saves test-results/e2e/NN-name.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(RESULTS, { recursive: true });
    this.shots += 1;
    const path = join(RESULTS, `${String(this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path, timeout: 15_000 }).catch(() => undefined);
    return path;
  }

  /**
   * Opens the quick input with `key` and waits until it is ready for typing, with
   * `prefix` as its value (Ctrl+P: '', Ctrl+Shift+P: '>', Ctrl+G: ':'). A quick
   * input that is still closing counts as visible but takes no text, so the
   * test waits for the fresh one by its value rather than by its visibility.
   */
  private async openQuickInput(key: string, prefix: string): Promise<void> {
    const { page } = this;
    const input = page.locator('.quick-input-widget:not([aria-hidden="true"]) input');
    await waitFor(`the quick input of ${key}`, 20_000, async () => {
      // The first key press can land before the workbench has focus; click an empty part and try again.
      if (!(await input.isVisible())) {
        await page.keyboard.press(key);
        await page.waitForTimeout(300);
      }
      if ((await input.isVisible()) && (await input.isEditable({ timeout: 500 })) && (await input.inputValue()) === prefix) return true;
      await page.keyboard.press('Escape');
      await page.locator('.monaco-workbench .part.statusbar').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
      await page.keyboard.press('Control+1');
      return undefined;
    }, 300);
  }

  /** Opens a file by name through Quick Open (Ctrl+P) and waits for its editor tab. */
  async quickOpen(fileName: string): Promise<void> {
    const { page } = this;
    await this.openQuickInput('Control+P', '');
    await page.keyboard.type(fileName);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first().waitFor();
    await page.keyboard.press('Enter');
    await this.activeTab(fileName).waitFor();
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** The active tab of the active editor group, if it shows `fileName` (not a report titled after it). */
  activeTab(fileName: string) {
    return this.page.locator(`.editor-group-container.active .tabs-container .tab.active[data-resource-name="${fileName}"]`).first();
  }

  /** The language shown in the status bar for the active editor ("sysd"). */
  async languageMode(): Promise<string> {
    return (await this.page.locator('[id="status.editor.mode"]').innerText({ timeout: 20_000 })).trim();
  }

  /** The CSS token classes (mtkN) of the visible words, keyed by word. */
  async tokenClasses(): Promise<Map<string, Set<string>>> {
    const pairs = await this.page.$$eval('.editor-instance .view-lines .view-line span > span', (spans) =>
      spans.map((s) => [s.textContent ?? '', s.className] as [string, string]));
    const byWord = new Map<string, Set<string>>();
    for (const [text, cls] of pairs) {
      const word = text.trim();
      if (!word) continue;
      if (!byWord.has(word)) byWord.set(word, new Set());
      byWord.get(word)!.add(cls);
    }
    return byWord;
  }

  /**
   * Opens the Problems panel (Ctrl+Shift+M), types `filter` into its filter box
   * (a word of the message or a file name; '' shows everything) and returns each
   * row's accessible label and text. The list only renders the rows in view, so
   * a long list is read through a filter, as a person would.
   */
  async problems(filter = ''): Promise<string[]> {
    const { page } = this;
    const panel = page.locator('.markers-panel');
    if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
    const box = page.locator('.viewpane-filter input[aria-label="Filter Problems"]').first();
    if ((await box.inputValue()) !== filter) {
      await box.fill(filter);
      await page.waitForTimeout(500);
    }
    return page.$$eval('.markers-panel .monaco-list-row', (rows) =>
      rows.map((r) => `${r.getAttribute('aria-label') ?? ''} | ${(r as HTMLElement).innerText}`));
  }

  /** Moves the mouse over `word` on the visible line containing `lineText`, and returns the hover's text. */
  async hover(lineText: string, word: string): Promise<string> {
    const { page } = this;
    const line = page.locator('.editor-instance .view-lines .view-line', { hasText: lineText }).first();
    const token = line.locator('span > span', { hasText: new RegExp(`^\\s*${word}\\s*$`) }).first();
    const box = await token.boundingBox();
    if (!box) throw new Error(`'${word}' is not on screen`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover .hover-contents').first();
    await hover.waitFor({ state: 'visible' });
    return hover.innerText();
  }

  /**
   * Opens the problem whose row contains `text` from the Problems panel (which
   * puts the cursor on it), then the quick fix menu (Ctrl+.); returns its entries.
   */
  async quickFixesOfProblem(text: string, fileName: string): Promise<string[]> {
    const { page } = this;
    await this.problems(text);
    await page.locator('.markers-panel .monaco-list-row', { hasText: text }).first().dblclick();
    await this.activeTab(fileName).waitFor();
    // A double click can leave the focus in the panel; Ctrl+1 moves it to the editor, whose cursor is on the problem.
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+.');
    const rows = page.locator('.action-widget .monaco-list-row');
    // Bounded, so that the caller's retry loop tries again when the menu did not open.
    await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
    return rows.allInnerTexts();
  }

  /**
   * Chooses the entry of the open quick fix menu that contains `title` with the keyboard, as a user who
   * opened it with Ctrl+. does: a mouse click could land while the Problems panel's hover (left under the
   * pointer by the double click that opened the problem) was showing, and then chose nothing. The menu's
   * rows include group headers ("Quick Fix") that the keyboard skips, so the focus is moved down until it
   * is on the entry, rather than by the entry's index. On failure the menu is closed, so that a retry
   * starts from the editor.
   */
  async applyQuickFix(title: string): Promise<void> {
    const { page } = this;
    const rows = page.locator('.action-widget .monaco-list-row');
    const texts = await rows.allInnerTexts();
    if (!texts.some((t) => t.includes(title))) throw new Error(`no quick fix '${title}' in: ${texts.join(' | ')}`);
    const focused = () => page.locator('.action-widget .monaco-list-row.focused').first().innerText({ timeout: 2_000 }).catch(() => '');
    await page.keyboard.press('Home');
    for (let i = 0; i < texts.length; i++) {
      if ((await focused()).includes(title)) {
        await page.keyboard.press('Enter');
        return;
      }
      await page.keyboard.press('ArrowDown');
    }
    const last = await focused();
    await page.keyboard.press('Escape');
    throw new Error(`the quick fix menu never focused '${title}' (last: '${last}')`);
  }

  /** The text of the visible editor line that contains `lineText`. */
  async lineText(lineText: string): Promise<string> {
    return (await this.page.locator('.editor-instance .view-lines .view-line', { hasText: lineText }).first().innerText({ timeout: 2_000 })).replace(/\u00a0/g, ' ');
  }

  /** The texts of the status bar items on the right. */
  async statusBarItems(): Promise<string[]> {
    return this.page.$$eval('.part.statusbar .statusbar-item', (items) =>
      items.map((i) => `${(i as HTMLElement).innerText.trim()} | ${i.getAttribute('id') ?? ''} | ${i.querySelector('[aria-label]')?.getAttribute('aria-label') ?? ''}`));
  }

  /** The code lens titles shown in the active editor. */
  async codeLenses(): Promise<string[]> {
    return this.page.$$eval('.editor-instance .monaco-editor .codelens-decoration', (lenses) => lenses.map((l) => (l as HTMLElement).innerText.trim()));
  }

  /** Runs a command by its title from the Command Palette (Ctrl+Shift+P), as a user would. */
  async runCommand(title: string): Promise<void> {
    const { page } = this;
    await this.openQuickInput('Control+Shift+P', '>');
    await page.keyboard.type(title);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  /** Presses Escape a few times, so that a menu or palette left open by a failed step does not get in the way. */
  async dismiss(): Promise<void> {
    for (let i = 0; i < 3; i += 1) await this.page.keyboard.press('Escape');
  }

  /** Focuses the first editor group (Ctrl+1), where the .sysd file is, and moves its cursor to `line` (Ctrl+G). */
  async goToLine(line: number): Promise<void> {
    const { page } = this;
    await page.keyboard.press('Control+1');
    await this.openQuickInput('Control+G', ':');
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    await waitFor(`the cursor on line ${line}`, 10_000, async () => ((await this.cursorLine()) === line ? true : undefined));
  }

  /** The cursor's line as the status bar shows it ("Ln 23, Col 7" → 23). */
  async cursorLine(): Promise<number | undefined> {
    const text = await this.page.locator('[id="status.editor.selection"]').innerText({ timeout: 5_000 });
    const match = /Ln (\d+)/.exec(text);
    return match ? Number(match[1]) : undefined;
  }

  /** The texts the editor injects into the visible line containing `lineText` (inlay hints), not the file's own text. */
  async injectedTexts(lineText: string): Promise<string[]> {
    const line = this.page.locator('.editor-instance .view-lines .view-line', { hasText: lineText }).first();
    const texts = await line.locator('span[class*="dyn-rule"]').allInnerTexts();
    return texts.map((t) => t.replace(/\u00a0/g, ' ').trim()).filter(Boolean);
  }

  /** Hides the primary side bar (Ctrl+B) and the panel (Ctrl+J) when they are shown. */
  async hideSideBarAndPanel(): Promise<void> {
    const { page } = this;
    if (await page.locator('.part.sidebar').isVisible()) await page.keyboard.press('Control+B');
    if (await page.locator('.part.panel').isVisible()) await page.keyboard.press('Control+J');
    await waitFor('the side bar and panel hidden', 5_000, async () =>
      !(await page.locator('.part.sidebar').isVisible()) && !(await page.locator('.part.panel').isVisible()));
  }

  /** The editor tab titles, in order. */
  async tabs(): Promise<string[]> {
    return this.page.locator('.tabs-container .tab').allInnerTexts();
  }

  /** The texts of the notifications on screen. */
  async notifications(): Promise<string[]> {
    return this.page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
  }

  async close(): Promise<void> {
    await Promise.race([this.browser.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]).catch(() => undefined);
  }
}
