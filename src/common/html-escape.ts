/**
 * Escaping for text placed in HTML or XML: digests, Atom, SVG charts and the web pages all use
 * this one function (the page templates use it as their escape function too).
 */

// C0/C1 controls other than tab, newline and CR are not allowed in XML; lone surrogates are not
// valid Unicode. Web titles contain both now and then, and one is enough to break a feed reader.
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Bidirectional embedding, override and isolate controls (U+202A-202E, U+2066-2069): in a title
 * from a feed they can reverse how the rest of a line reads ("Trojan Source"), e.g. make a link's
 * text read as another address. Nothing we render has a use for them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text without characters XML refuses or bidirectional controls. */
export function withoutUnsafeChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(BIDI_CONTROLS, '');
}

/** Escapes text for HTML or XML element content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return withoutUnsafeChars(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}
