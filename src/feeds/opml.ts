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
  now: Date,
): string {
  return generateOpml({
    head: { title, dateCreated: now },
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
