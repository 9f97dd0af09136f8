/**
 * User text in markdown (the report and the hovers) is escaped: a label or a
 * description cannot add images, links, HTML or lines of its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../core/index';
import { markdownReport } from '../../core/report/markdown';
import { escapeMarkdown } from '../../core/report/escape-markdown';
import { componentHover, systemHover } from '../../server/features/hover';
import { viewAt } from '../../core/lookup';

const HOSTILE = `system s "![x](https://evil.example/t.png) [docs](https://evil.example)" {
  users web { rps: 10 }
  service api "<img src=x onerror=alert(1)> **bold**" {
    replicas: 2
    description: "fine\\n- availability: 100%\\n![](https://evil.example/p.png)"
    owner: "team@evil.example"
    technology: "see www.evil.example or https://evil.example"
  }
  web -> api
}
`;

/** What a markdown reader would turn into markup: an image, a link, an autolink, a tag, or a line starting with user text. */
function assertInert(markdown: string) {
  assert.doesNotMatch(markdown, /(?<!\\)!\[/, 'no image');
  assert.doesNotMatch(markdown, /(?<!\\)\]\(/, 'no link');
  assert.doesNotMatch(markdown, /(?<!\\)<img/, 'no html');
  assert.doesNotMatch(markdown, /https:\/\//, 'no bare url to autolink');
  assert.doesNotMatch(markdown, /www\.evil/, 'no www autolink');
  assert.doesNotMatch(markdown, /team@evil/, 'no e-mail autolink');
  assert.doesNotMatch(markdown, /^- availability: 100%/m, 'no fake figure line');
}

test('escapeMarkdown: line breaks become spaces, control characters U+XXXX, punctuation backslashed', () => {
  assert.equal(escapeMarkdown('a\nb\r\nc'), 'a b c');
  assert.equal(escapeMarkdown('\u001b[2J'), 'U+001B\\[2J');
  assert.equal(escapeMarkdown('[x](y)'), '\\[x\\]\\(y\\)');
  assert.equal(escapeMarkdown('a | b'), 'a \\| b');
  assert.equal(escapeMarkdown('plain words-and_names'), 'plain words-and\\_names');
});

test('the report escapes labels and messages', () => {
  const report = markdownReport(analyseText(HOSTILE), 'x.sysd');
  assertInert(report);
  assert.match(report, /## System `s` — \\!\\\[x\\\]/, report);
});

test('hovers escape labels, descriptions, owners and technology', () => {
  const analysis = analyseText(HOSTILE);
  const view = viewAt(analysis, 0)!;
  assertInert(componentHover(view, 'api')!);
  assertInert(systemHover(view));
});
