import type { AtomFeed, DcNs, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import type { ParsedFeed, ParsedItem } from './feed-parser';

/** Maps feedsmith's per-format output onto the one shape ingestion needs. */

type AtomTextLike = AtomFeed.Text | AtomFeed.Content | string | undefined;

function nonEmpty(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Only real instants, in UTC (Date is always UTC inside); "Tuesday-ish" and garbage become undefined. */
export function parseFeedDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Atom text constructs are plain text unless typed html/xhtml; summaryHtml must stay HTML. */
function atomTextAsHtml(construct: AtomTextLike): string | undefined {
  if (typeof construct === 'string') return nonEmpty(construct);
  const value = nonEmpty(construct?.value);
  if (!value) return undefined;
  const type = construct?.type?.toLowerCase() ?? 'text';
  return type === 'text' || type === 'text/plain' ? escapeHtml(value) : value;
}

function atomPlainText(construct: AtomTextLike): string | undefined {
  return nonEmpty(typeof construct === 'string' ? construct : construct?.value);
}

function firstDcCreator(dc: DcNs.ItemOrFeed<string> | undefined): string | undefined {
  return nonEmpty(dc?.creators?.[0]);
}

function positiveInteger(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.round(value) : undefined;
}

function rssAuthor(item: RssFeed.Item<string>): string | undefined {
  const person = item.authors?.[0];
  return nonEmpty(person?.name) ?? nonEmpty(person?.email) ?? firstDcCreator(item.dc);
}

function mapRssItem(item: RssFeed.Item<string>): ParsedItem {
  return {
    guid: nonEmpty(item.guid?.value),
    link: nonEmpty(item.link) ?? (item.guid?.isPermaLink ? nonEmpty(item.guid.value) : undefined),
    title: nonEmpty(item.title) ?? nonEmpty(item.dc?.titles?.[0]),
    summaryHtml: nonEmpty(item.content?.encoded) ?? nonEmpty(item.description),
    author: rssAuthor(item),
    publishedAt: parseFeedDate(item.pubDate) ?? parseFeedDate(item.dc?.dates?.[0]),
    language: nonEmpty(item.dc?.languages?.[0]),
  };
}

export function mapRssFeed(feed: RssFeed.Feed<string>): ParsedFeed {
  return {
    format: 'rss',
    title: nonEmpty(feed.title),
    siteUrl: nonEmpty(feed.link),
    language: nonEmpty(feed.language) ?? nonEmpty(feed.dc?.languages?.[0]),
    ttlMinutes: positiveInteger(feed.ttl),
    items: (feed.items ?? []).map(mapRssItem),
  };
}

/** rel="alternate" is the page; a link without rel means alternate too (RFC 4287 4.2.7.2). */
function alternateLink(links: Array<AtomFeed.Link<string>> | undefined): string | undefined {
  const alternate = links?.find((link) => !link.rel || link.rel === 'alternate') ?? links?.[0];
  return nonEmpty(alternate?.href);
}

function mapAtomEntry(entry: AtomFeed.Entry<string>): ParsedItem {
  return {
    guid: nonEmpty(entry.id),
    link: alternateLink(entry.links),
    title: atomPlainText(entry.title),
    summaryHtml: atomTextAsHtml(entry.content) ?? atomTextAsHtml(entry.summary),
    author: nonEmpty(entry.authors?.[0]?.name) ?? firstDcCreator(entry.dc),
    publishedAt: parseFeedDate(entry.published) ?? parseFeedDate(entry.updated) ?? parseFeedDate(entry.dc?.dates?.[0]),
    language: nonEmpty(entry.xml?.lang),
  };
}

export function mapAtomFeed(feed: AtomFeed.Feed<string>): ParsedFeed {
  return {
    format: 'atom',
    title: atomPlainText(feed.title),
    siteUrl: alternateLink(feed.links),
    language: nonEmpty(feed.xml?.lang),
    items: (feed.entries ?? []).map(mapAtomEntry),
  };
}

function mapRdfItem(item: RdfFeed.Item<string>): ParsedItem {
  return {
    guid: nonEmpty(item.rdf?.about),
    link: nonEmpty(item.link),
    title: nonEmpty(item.title) ?? nonEmpty(item.dc?.titles?.[0]),
    summaryHtml: nonEmpty(item.content?.encoded) ?? nonEmpty(item.description),
    author: firstDcCreator(item.dc),
    publishedAt: parseFeedDate(item.dc?.dates?.[0]),
    language: nonEmpty(item.dc?.languages?.[0]),
  };
}

export function mapRdfFeed(feed: RdfFeed.Feed<string>): ParsedFeed {
  return {
    format: 'rdf',
    title: nonEmpty(feed.title),
    siteUrl: nonEmpty(feed.link),
    language: nonEmpty(feed.dc?.languages?.[0]),
    items: (feed.items ?? []).map(mapRdfItem),
  };
}

function mapJsonItem(item: JsonFeed.Item<string>): ParsedItem {
  const text = nonEmpty(item.content_text);
  return {
    guid: nonEmpty(item.id),
    link: nonEmpty(item.url) ?? nonEmpty(item.external_url),
    title: nonEmpty(item.title),
    summaryHtml:
      nonEmpty(item.content_html) ?? nonEmpty(item.summary && escapeHtml(item.summary)) ?? (text && escapeHtml(text)),
    author: nonEmpty(item.authors?.[0]?.name),
    publishedAt: parseFeedDate(item.date_published) ?? parseFeedDate(item.date_modified),
    language: nonEmpty(item.language),
  };
}

export function mapJsonFeed(feed: JsonFeed.Feed<string>): ParsedFeed {
  return {
    format: 'json',
    title: nonEmpty(feed.title),
    siteUrl: nonEmpty(feed.home_page_url),
    language: nonEmpty(feed.language),
    items: (feed.items ?? []).map(mapJsonItem),
  };
}
