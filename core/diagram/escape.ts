/**
 * Escaping for every piece of user text that reaches the SVG. Labels, names,
 * descriptions and edge labels come straight from the .sysd file, so a label
 * like `</text><image href=x onerror=...>` must stay text. We also drop
 * characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/F),
 * because one of them would make the whole document unparseable.
 */

// Characters that are not allowed anywhere in an XML 1.0 document.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that cannot appear in XML at all. */
export function stripInvalidXml(text: string): string {
  return text.replace(INVALID_XML, '');
}

/** Escapes text content: safe between tags. */
export function escapeText(text: unknown): string {
  return stripInvalidXml(String(text ?? ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * Escapes an attribute value written inside double quotes. Newlines and tabs
 * are escaped too, so attribute normalisation does not silently change them.
 */
export function escapeAttr(text: unknown): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/**
 * Turns a name into a token safe for an id or class attribute fragment.
 * sysd names are already letters, digits, `_` and `-`, but the model may hold
 * partial names from broken text, so anything else becomes `_`.
 */
export function safeToken(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}
