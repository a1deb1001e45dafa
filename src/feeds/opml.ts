import { generateOpml, parseOpml } from 'feedsmith';

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

export class OpmlError extends Error {}

/** Parses OPML 1.0/2.0 (entities off, as for feeds) and lists every outline that has an xmlUrl. */
export function parseOpmlFeeds(text: string): OpmlFeed[] {
  let document: { body?: { outlines?: Outline[] } };
  try {
    document = parseOpml(text.replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '')) as typeof document;
  } catch (error) {
    throw new OpmlError(`not a readable OPML document: ${(error as Error).message}`);
  }
  const feeds: OpmlFeed[] = [];
  const walk = (outlines: Outline[] | undefined) => {
    for (const outline of outlines ?? []) {
      if (outline.xmlUrl) {
        feeds.push({
          url: outline.xmlUrl.trim(),
          title: (outline.title ?? outline.text)?.trim() || undefined,
          language: outline.language?.trim() || undefined,
        });
      }
      walk(outline.outlines);
    }
  };
  walk(document.body?.outlines);
  return feeds;
}

export function renderOpml(
  feeds: { url: string; title: string | null; siteUrl: string | null; language: string | null }[],
  title: string,
): string {
  // feedsmith refuses an OPML without outlines ("Invalid input OPML"): with no feeds (or only
  // import sources) the export is still a valid, empty document, not a 500.
  if (feeds.length === 0) return emptyOpml(title);
  return generateOpml({
    head: { title, dateCreated: new Date() },
    body: {
      outlines: feeds.map((feed) => ({
        type: 'rss',
        text: feed.title ?? feed.url,
        title: feed.title ?? undefined,
        xmlUrl: feed.url,
        htmlUrl: feed.siteUrl ?? undefined,
        language: feed.language ?? undefined,
      })),
    },
  } as Parameters<typeof generateOpml>[0]) as string;
}

function emptyOpml(title: string): string {
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0"><head><title>${escaped}</title></head><body></body></opml>\n`;
}
