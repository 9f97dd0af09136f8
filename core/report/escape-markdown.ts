/**
 * User text (names, labels, descriptions, owners, messages that quote them)
 * put into markdown: the report and the hovers. Without this a label such as
 * `![](https://x/track.png)` becomes an image fetched when the hover opens,
 * `[docs](https://x)` a link, and a description with a line break a fake
 * figure line such as "- availability: 100%".
 *
 * Every line break becomes a space, so user text never starts a line; other
 * control characters are shown as `U+XXXX`, as the parser shows them in
 * syntax errors. Every ASCII punctuation character markdown gives a meaning
 * is backslash-escaped, which CommonMark defines to read as the literal
 * character: no emphasis, link, image, HTML tag, entity or table cell
 * border. `.`, `:` and `@` are escaped too, which splits the text so
 * that linkifiers (markdown-it's in the preview, marked's GFM autolinks in
 * hovers) no longer see a bare URL, domain or e-mail address.
 */

const SPECIAL = /[\\`*_{}[\]()#+!|<>~:@&$^=.]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ')
    .replace(SPECIAL, '\\$&')
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
