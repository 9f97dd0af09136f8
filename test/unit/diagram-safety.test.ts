/**
 * Hostile text stays inert: labels that try to close the <text> element or
 * inject script render as the same characters, never as markup, and text
 * that XML cannot hold at all does not break the document.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createInProcessLayouter, renderSystemSvg } from '../../core/diagram/index';
import { escapeAttr, escapeText } from '../../core/diagram/escape';
import { analyse, assertSafeSvg, count, texts } from './diagram-helpers';

const layouter = createInProcessLayouter();
after(() => layouter.dispose());

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '</text><image href=x onerror=alert(1)>';
const QUOTES = '" onload="alert(1)';

describe('hostile labels', () => {
  test('script and markup in labels render as text', async () => {
    const src = [
      `system s "${SCRIPT}" {`,
      `  users u "${BREAKOUT}" { rps: 10 }`,
      `  service a "${SCRIPT}" { description: "${BREAKOUT}" }`,
      `  database d "${QUOTES.replace(/"/g, '\\"')}"`,
      `  u -> a "${BREAKOUT}" -> d`,
      `}`,
    ].join('\n');
    const { system, figures } = analyse(src);
    const { svg } = await renderSystemSvg(system, figures, layouter);
    assertSafeSvg(svg);
    assert.doesNotMatch(svg, /<script|<image/i);
    assert.equal(count(svg, 'data-sysd="component"'), 3);
    const shown = texts(svg);
    assert.ok(shown.includes(SCRIPT), 'the script label is shown as its characters');
    assert.ok(shown.includes(BREAKOUT), 'the break-out label is shown as its characters');
    assert.ok(shown.some((t) => t.includes(QUOTES)), 'the quote label is shown as its characters');
  });

  test('characters XML forbids are dropped instead of breaking the document', () => {
    assert.equal(escapeText('a\u0001b\uFFFEc\uD800d'), 'abcd');
    assert.equal(escapeText('😀 & <b>'), '😀 &amp; &lt;b&gt;');
    assert.equal(escapeAttr(`"'\n<`), '&quot;&#39;&#10;&lt;');
  });
});
