/**
 * What the extension host accepts from the preview webview: exactly the
 * messages of protocol/preview.ts, with sane values; anything else is dropped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseState, parseWebviewMessage } from '../../client/preview/validate';
import { contentSecurityPolicy, previewHtml } from '../../client/preview/html';

test('well-formed messages pass through unchanged', () => {
  const good = [
    { type: 'ready' },
    { type: 'reveal', version: 3, range: [10, 40], selection: [12, 15] },
    { type: 'pickSystem', system: 'checkout' },
    { type: 'whatIf', failed: ['use1-a', 'api'] },
    { type: 'whatIf', failed: [] },
    { type: 'export', format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' },
    { type: 'export', format: 'png', data: 'data:image/png;base64,iVBORw0KGgo=' },
    { type: 'state', state: { uri: 'file:///a.sysd', system: 's', zoom: 1, x: 0, y: -20, failed: ['a'], whatIfOpen: false } },
  ];
  for (const m of good) assert.deepEqual(parseWebviewMessage(m), m);
});

test('malformed or hostile messages are dropped', () => {
  const bad: unknown[] = [
    null, 'ready', [], {}, { type: 'eval', code: 'x' }, { type: '__proto__' },
    { type: 'reveal', version: -1, range: [0, 1], selection: [0, 1] },
    { type: 'reveal', version: 1.5, range: [0, 1], selection: [0, 1] },
    { type: 'reveal', version: 1, range: [5, 1], selection: [5, 1] },
    { type: 'reveal', version: 1, range: [0, 10], selection: [5, 20] },
    { type: 'reveal', version: 1, range: ['0', 10], selection: [0, 1] },
    { type: 'pickSystem', system: '' },
    { type: 'pickSystem', system: 'x'.repeat(300) },
    { type: 'pickSystem', system: { toString: () => 'a' } },
    { type: 'whatIf', failed: 'api' },
    { type: 'whatIf', failed: [1] },
    { type: 'whatIf', failed: new Array(20_000).fill('a') },
    { type: 'export', format: 'svg', data: '<script>alert(1)</script>' },
    { type: 'export', format: 'png', data: 'data:text/html;base64,PHNjcmlwdD4=' },
    { type: 'export', format: 'pdf', data: '<svg></svg>' },
    { type: 'export', format: 'png', data: 'data:image/png;base64,iVBO"><script>' },
    { type: 'state', state: { uri: 'file:///a', zoom: Number.NaN, x: 0, y: 0, failed: [] } },
    { type: 'state', state: { uri: 'file:///a', zoom: 1, x: 0, y: 0, failed: [{}] } },
  ];
  for (const m of bad) assert.equal(parseWebviewMessage(m), undefined, JSON.stringify(m)?.slice(0, 80));
});

test('a restored state keeps only what it should', () => {
  assert.equal(parseState(undefined), undefined);
  assert.deepEqual(parseState({ uri: 'file:///a', zoom: 2, x: 1, y: 2, failed: ['a', 'a'], extra: 1 }), { uri: 'file:///a', system: undefined, zoom: 2, x: 1, y: 2, failed: ['a'], whatIfOpen: true });
});

test('the page admits nothing by default, scripts only by nonce, styles only from the extension', () => {
  const csp = contentSecurityPolicy('https://ext.test', 'abc');
  assert.match(csp, /^default-src 'none'; /);
  assert.match(csp, /script-src 'nonce-abc'(;|$)/);
  assert.match(csp, /style-src https:\/\/ext\.test(;|$)/);
  assert.doesNotMatch(csp, /unsafe|\*|https?:\/\/(?!ext\.test)/);
  const html = previewHtml({ cspSource: 'https://ext.test', nonce: 'abc', script: 'https://ext.test/dist/webview.js', styles: ['https://ext.test/dist/diagram.css'] });
  assert.doesNotMatch(html, /<style|\sstyle=|\son\w+=/i, 'no inline style or handler');
  assert.equal([...html.matchAll(/<script/g)].length, 1);
  assert.match(html, /<script nonce="abc" src="https:\/\/ext\.test\/dist\/webview\.js">/);
  for (const id of ['sysd-stale', 'sysd-whatif-summary', 'sysd-canvas', 'sysd-system']) assert.match(html, new RegExp(`id="${id}"`));
});
