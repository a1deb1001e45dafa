import { createHash } from 'node:crypto';
import type { FeedHandler } from './feed-server';

export interface GeneratedItem {
  guid: string;
  title: string;
  link: string;
  description: string;
  publishedAt: Date;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An RSS 2.0 document for the given items. */
export function rssDocument(title: string, items: GeneratedItem[]): string {
  const entries = items
    .map(
      (i) =>
        `<item><title>${escapeXml(i.title)}</title><link>${escapeXml(i.link)}</link><guid>${escapeXml(i.guid)}</guid>` +
        `<pubDate>${i.publishedAt.toUTCString()}</pubDate><description>${escapeXml(i.description)}</description></item>`,
    )
    .join('\n');
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>${escapeXml(title)}</title>` +
    `<link>https://news.example/</link>\n${entries}\n</channel></rss>`
  );
}

/** Serves a fixed body with a strong ETag and answers If-None-Match with 304, as good servers do. */
export function conditionalHandler(
  body: () => string,
  contentType = 'application/rss+xml; charset=utf-8',
): FeedHandler {
  return (req, res) => {
    const text = body();
    const etag = `"${createHash('sha1').update(text).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, etag }).end(text);
  };
}

/** `count` items for feed `feed`, dated one per day back from `end`. */
export function makeItems(feed: number, count: number, end = new Date('2026-11-01T12:00:00Z')): GeneratedItem[] {
  return Array.from({ length: count }, (_, n) => ({
    guid: `feed-${feed}-item-${n}`,
    title: `Feed ${feed} story ${n}: open-source model release`,
    link: `https://news.example/${feed}/${n}?utm_source=rss`,
    description: `<p>Story ${n} of feed ${feed} about <b>large models</b>.</p>`,
    publishedAt: new Date(end.getTime() - n * 86_400_000),
  }));
}
