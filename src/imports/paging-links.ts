/**
 * Links to a feed's older pages (pure). RFC 5005: an archived feed points to the archive document
 * before it with rel="prev-archive"; a paged feed to its next (older) page with rel="next"; both as
 * Atom links, which RSS carries as <atom:link>, and JSON Feed as `next_url`. WordPress feeds have
 * neither but answer `?paged=N` with older items.
 */
export interface PagingLinks {
  prevArchive?: string;
  next?: string;
  wordpress: boolean;
}

const LINK_TAG = /<(?:[\w-]+:)?link\b[^>]*>/gi;

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? undefined : decodeXmlAttribute(value.trim());
}

function decodeXmlAttribute(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

function jsonNextUrl(text: string): string | undefined {
  try {
    const doc = JSON.parse(text) as { next_url?: unknown };
    return typeof doc.next_url === 'string' ? doc.next_url : undefined;
  } catch {
    return undefined;
  }
}

export function pagingLinks(text: string): PagingLinks {
  if (/^\s*\{/.test(text)) return { next: jsonNextUrl(text), wordpress: false };
  const links: PagingLinks = { wordpress: /<generator[^>]*>[^<]*wordpress\.(org|com)/i.test(text) };
  for (const tag of text.match(LINK_TAG) ?? []) {
    const rels = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attribute(tag, 'href');
    if (!href) continue;
    if (rels.includes('prev-archive')) links.prevArchive ??= href;
    else if (rels.includes('next')) links.next ??= href;
  }
  return links;
}

/** `?paged=N` on the feed's own URL, as WordPress numbers its older pages. */
function wordpressPage(feedUrl: string, page: number): string {
  const url = new URL(feedUrl);
  url.searchParams.set('paged', String(page));
  return url.toString();
}

/** The page after `current`: the archive link first (complete documents), then next, then WordPress. */
export function olderPage(links: PagingLinks, current: string, feedUrl: string, page: number): string | null {
  const href = links.prevArchive ?? links.next;
  if (href) {
    try {
      return new URL(href, current).toString();
    } catch {
      return null;
    }
  }
  return links.wordpress ? wordpressPage(feedUrl, page + 1) : null;
}

/** Pages compared without their fragment, so `#x` does not hide a loop. */
export function pageKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.toString();
}
