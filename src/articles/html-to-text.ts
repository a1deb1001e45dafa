import sanitizeHtml from 'sanitize-html';

export const DEFAULT_TEXT_LIMIT = 4000;

/** Block elements become spaces, so "<p>a</p><p>b</p>" reads "a b", not "ab". */
const BLOCK_TAGS = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|pre|section|article|header|footer|figure|figcaption|hr)\b[^>]*>/gi;

/**
 * Plain text from feed HTML: no tags at all, script/style/noscript content dropped (sanitize-html's
 * nonTextTags), entities decoded, whitespace collapsed, cut at `limit` characters on a code point.
 */
export function htmlToText(html: string | null | undefined, limit = DEFAULT_TEXT_LIMIT): string {
  if (!html) return '';
  const spaced = html.replace(BLOCK_TAGS, ' ');
  const stripped = sanitizeHtml(spaced, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'noscript', 'textarea', 'option', 'template', 'iframe', 'object'],
  });
  const text = decodeEntities(stripped).replace(/\s+/g, ' ').trim();
  return truncateText(text, limit);
}

/** sanitize-html re-escapes &, <, > and quotes in text it outputs; we want the characters back. */
function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** Cuts on a code point (never half an emoji), marking the cut with an ellipsis. */
export function truncateText(text: string, limit: number): string {
  const codePoints = Array.from(text);
  if (codePoints.length <= limit) return text;
  return `${codePoints.slice(0, Math.max(0, limit - 1)).join('').trimEnd()}…`;
}
