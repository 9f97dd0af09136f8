/**
 * Webviews (the sysd preview, the markdown preview of the report) live in
 * VS Code's nested iframes: an outer `iframe.webview` holding the content's
 * own frame. Playwright lists every frame of the page, so the one wanted is
 * found by what it shows. The preview's DOM contract (agreed with the
 * preview's author, see docs/testing.md): each component is an element with
 * `data-sysd="component"` and `data-name`, the highlighted one has the class
 * `sysd-selected`, lost ones `sysd-lost`, the what-if toggles are buttons with
 * `data-whatif="<name>"` and the what-if summary is `#sysd-whatif-summary`.
 */
import type { Frame, Page } from 'playwright-core';
import { waitFor } from './e2e-env';

export const COMPONENT = '[data-sysd="component"]';

/** The first frame of the page in which `selector` matches, waiting up to `ms`. */
export function frameWith(page: Page, selector: string, what: string, ms = 30_000): Promise<Frame> {
  return waitFor(what, ms, async () => {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      const found = await frame.$(selector).catch(() => null);
      if (found) return frame;
    }
    return undefined;
  });
}

/** The names of the components the preview draws, in document order. */
export function componentNames(frame: Frame): Promise<string[]> {
  return frame.$$eval(COMPONENT, (elements) => elements.map((e) => e.getAttribute('data-name') ?? ''));
}

/** The class list of the component named `name`. */
export async function classesOf(frame: Frame, name: string): Promise<string[]> {
  const cls = await frame.locator(`${COMPONENT}[data-name="${name}"]`).first().getAttribute('class', { timeout: 5_000 });
  return (cls ?? '').split(/\s+/).filter(Boolean);
}
