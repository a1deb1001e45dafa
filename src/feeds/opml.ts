import { generateOpml, parseOpml } from 'feedsmith';
import { httpUrl } from '../common/http-url';

/** A feed as OPML names it; nested outlines (folders) are flattened. */
export interface OpmlFeed {
  url: string;
  title?: string;
  language?: string;
}

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  language?: string;
  outlines?: Outline[];
}

export class OpmlError extends Error {
  constructor(
    message: string,
    readonly code: 'invalid_opml' | 'opml_too_large' = 'invalid_opml',
  ) {
    super(message);
  }
}

/** More feeds than one import may add: each is resolved (SSRF check) and stored, so the work is bounded. */
export const MAX_OPML_FEEDS = 5000;

/**
 * Parses OPML 1.0/2.0 (entities off, as for feeds) and lists every outline that has an xmlUrl.
 * The walk is iterative (folders nested thousands deep cannot overflow the stack) and stops at
 * MAX_OPML_FEEDS, before building more.
 */
export function parseOpmlFeeds(text: string): OpmlFeed[] {
  let document: { body?: { outlines?: Outline[] } };
  try {
    document = parseOpml(text.replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '')) as typeof document;
  } catch (error) {
    throw new OpmlError(`not a readable OPML document: ${(error as Error).message}`);
  }
  const feeds: OpmlFeed[] = [];
  const pending: Outline[] = [...(document.body?.outlines ?? [])].reverse();
  while (pending.length > 0) {
    const outline = pending.pop()!;
    if (outline.xmlUrl) {
      if (feeds.length === MAX_OPML_FEEDS)
        throw new OpmlError(`at most ${MAX_OPML_FEEDS} feeds per import`, 'opml_too_large');
      feeds.push({
        url: outline.xmlUrl.trim(),
        title: (outline.title ?? outline.text)?.trim() || undefined,
        language: outline.language?.trim() || undefined,
      });
    }
    // Children next, in document order.
    for (let i = (outline.outlines?.length ?? 0) - 1; i >= 0; i--) pending.push(outline.outlines![i]!);
  }
  return feeds;
}

export function renderOpml(
  feeds: { url: string; title: string | null; siteUrl: string | null; language: string | null }[],
  title: string,
  now: Date,
): string {
  // feedsmith refuses an OPML without outlines ("Invalid input OPML"): with no feeds (or only
  // import sources) the export is still a valid, empty document, not a 500.
  if (feeds.length === 0) return emptyOpml(title);
  return generateOpml({
    head: { title, dateCreated: now },
    body: {
      outlines: feeds.map((feed) => ({
        type: 'rss',
        text: feed.title ?? feed.url,
        title: feed.title ?? undefined,
        xmlUrl: feed.url,
        htmlUrl: httpUrl(feed.siteUrl)?.href,
        language: feed.language ?? undefined,
      })),
    },
  } as Parameters<typeof generateOpml>[0]) as string;
}

function emptyOpml(title: string): string {
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0"><head><title>${escaped}</title></head><body></body></opml>\n`;
}
