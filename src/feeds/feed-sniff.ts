/**
 * Cheap look at a decoded document to tell feeds from HTML pages and junk before a full parse.
 * Looks at the root element only: an HTML page that mentions "<rss" in its text stays HTML.
 */
export type SniffedFormat = 'rss' | 'atom' | 'rdf' | 'json' | 'html' | 'unknown';

const FORMAT_BY_ROOT: Record<string, SniffedFormat> = {
  rss: 'rss',
  channel: 'rss', // Netscape RSS 0.90 drafts and some generators emit a bare <channel> root.
  feed: 'atom',
  rdf: 'rdf',
  html: 'html',
};

/** DOCTYPE with an optional internal subset; the subset is where entity declarations live. */
const DOCTYPE = /<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/i;
const PROLOG = new RegExp(`^(?:\\uFEFF|\\s+|<\\?[\\s\\S]*?\\?>|<!--[\\s\\S]*?-->|${DOCTYPE.source})*`, 'i');

function rootElementName(text: string): string | undefined {
  const afterProlog = text.slice(0, 65536).replace(PROLOG, '');
  return /^<([A-Za-z_][\w.:-]*)/.exec(afterProlog)?.[1];
}

export function sniffFeedFormat(text: string): SniffedFormat {
  if (/^\uFEFF?\s*\{/.test(text)) return 'json';
  const root = rootElementName(text);
  if (!root) return 'unknown';
  const localName = root.split(':').pop()!.toLowerCase();
  return FORMAT_BY_ROOT[localName] ?? 'unknown';
}

/**
 * Removes the DOCTYPE so no entity declaration can ever reach an XML parser: feeds have no use for
 * DTDs, and this is the belt to the parser's braces against billion-laughs and external entities.
 */
export function stripDoctype(text: string): string {
  return text.replace(DOCTYPE, '');
}
