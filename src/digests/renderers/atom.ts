/**
 * Digests as an Atom 1.0 feed (RFC 4287). Entry ids are tag: URIs (RFC 4151) derived from the site
 * host and the period start, which is unique per digest, so a regenerated digest keeps its id and
 * feed readers update it instead of showing a duplicate.
 */
import type { DigestContent } from '../digest.types';
import { digestHeadline, escapeHtml, isoDay, safeHttpUrl } from './render-helpers';
import { renderHtmlFragment } from './html';

export interface AtomDigest {
  id: number;
  periodStart: Date;
  periodEnd: Date;
  createdAt: Date;
  content: DigestContent;
}

export interface AtomFeedOptions {
  /** Where this feed is served (link rel="self"); also the feed's id. */
  selfUrl: string;
  /** The human-facing site (link rel="alternate"). */
  siteUrl: string;
  title?: string;
  /** The page of one digest; default `<siteUrl>/digests/<id>`. */
  entryUrl?: (digest: AtomDigest) => string;
}

const DEFAULT_TITLE = 'Trend scorecard digests';
const EMPTY_FEED_UPDATED = new Date(0); // Atom requires <updated>; a feed with no entries has never changed

export function renderAtomFeed(digests: readonly AtomDigest[], options: AtomFeedOptions): string {
  const selfUrl = requireHttpUrl(options.selfUrl, 'selfUrl');
  const siteUrl = requireHttpUrl(options.siteUrl, 'siteUrl');
  const entryUrl = options.entryUrl ?? ((d: AtomDigest) => new URL(`digests/${d.id}`, withTrailingSlash(siteUrl)).href);
  const newestFirst = [...digests].sort((a, b) => b.periodStart.getTime() - a.periodStart.getTime());
  const updated = newestFirst.reduce((latest, d) => (d.createdAt > latest ? d.createdAt : latest), EMPTY_FEED_UPDATED);
  const host = new URL(siteUrl).hostname;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeHtml(selfUrl)}</id>`,
    `  <title>${escapeHtml(options.title ?? DEFAULT_TITLE)}</title>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeHtml(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeHtml(siteUrl)}"/>`,
    `  <author><name>${escapeHtml(options.title ?? DEFAULT_TITLE)}</name></author>`,
    ...newestFirst.map((digest) => renderEntry(digest, host, entryUrl(digest))),
    '</feed>',
    '',
  ].join('\n');
}

function renderEntry(digest: AtomDigest, host: string, rawEntryUrl: string): string {
  const link = safeHttpUrl(rawEntryUrl);
  return [
    '  <entry>',
    `    <id>${escapeHtml(entryId(host, digest.periodStart))}</id>`,
    `    <title>${escapeHtml(digestHeadline(digest.content))}</title>`,
    `    <updated>${digest.createdAt.toISOString()}</updated>`,
    link ? `    <link rel="alternate" type="text/html" href="${escapeHtml(link)}"/>` : '',
    // type="html": the content is an HTML string, escaped once more to travel inside XML.
    `    <content type="html">${escapeHtml(renderHtmlFragment(digest.content))}</content>`,
    '  </entry>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** tag:<host>,<YYYY-MM-DD>:digest/<period start>; the date is one on which the host was ours. */
function entryId(host: string, periodStart: Date): string {
  return `tag:${host},${isoDay(periodStart.toISOString())}:digest/${periodStart.toISOString()}`;
}

function requireHttpUrl(raw: string, name: string): string {
  const url = safeHttpUrl(raw);
  if (!url) throw new TypeError(`renderAtomFeed: ${name} must be an http(s) URL`);
  return url;
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
