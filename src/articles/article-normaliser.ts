import { httpUrl } from '../common/http-url';
import { hash } from 'node:crypto';
import type { ParsedItem } from '../feeds/feed-parser';
import { htmlToText, truncateText } from './html-to-text';
import { normaliseParsedUrl, normaliseUrl } from './url-normaliser';

export interface NormalisedItem {
  /** sha256 hex of the item's identity in its feed: its GUID, else its link, else title and date (column feed_items.guid_hash). */
  itemKeyHash: string;
  /** The item link as given (resolved against baseUrl when relative); null when none is usable. */
  url: string | null;
  normalizedUrl: string | null;
  title: string;
  summary: string;
  author: string | null;
  language: string | null;
  publishedAt: Date;
}

const TITLE_LIMIT = 300;
const TITLE_FROM_SUMMARY_LIMIT = 120;
const AUTHOR_LIMIT = 200;
/** Clocks drift and time zones get mislabelled; beyond a day ahead a date is wrong, not early. */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

/** One-shot crypto.hash: no Hash object per call (strings are hashed as UTF-8). */
function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * Identity of an item within its feed: the GUID when present (publishers promise it is stable),
 * else the normalised link, else title + date. Prefixes keep the three spaces apart.
 */
export function itemIdentityHash(
  item: Pick<ParsedItem, 'guid' | 'link' | 'title' | 'publishedAt'>,
  baseUrl?: string,
): string {
  return identityHash(item, () => normaliseUrl(item.link, baseUrl));
}

/** `normalisedLink` is only asked for when there is no GUID. */
function identityHash(
  item: Pick<ParsedItem, 'guid' | 'title' | 'publishedAt'>,
  normalisedLink: () => string | null,
): string {
  const guid = item.guid?.trim();
  if (guid) return sha256(`guid:${guid}`);
  const link = normalisedLink();
  if (link) return sha256(`link:${link}`);
  return sha256(`title:${item.title?.trim() ?? ''}|date:${item.publishedAt?.toISOString() ?? ''}`);
}

/** The link resolved against the base, as given (href) and canonical; both null unless http(s). */
function resolveLink(
  link: string | undefined,
  baseUrl: string | undefined,
): { url: string; normalizedUrl: string | null } | null {
  const parsed = httpUrl(link, baseUrl);
  if (!parsed) return null;
  const url = parsed.href;
  // normaliseUrl(url) would parse `url` again into the same URL: normalise this one instead.
  return { url, normalizedUrl: normaliseParsedUrl(parsed) };
}

function sensiblePublishedAt(publishedAt: Date | undefined, now: Date): Date {
  if (!publishedAt || Number.isNaN(publishedAt.getTime())) return now;
  return publishedAt.getTime() > now.getTime() + MAX_FUTURE_MS ? now : publishedAt;
}

function titleFor(item: ParsedItem, summary: string): string {
  return htmlToText(item.title, TITLE_LIMIT) || truncateText(summary, TITLE_FROM_SUMMARY_LIMIT) || '(untitled)';
}

/**
 * Turns a parsed feed item into what gets stored: plain-text title and summary, canonical URL,
 * a sane UTC date. `baseUrl` (the feed's final URL) resolves relative links some feeds use.
 */
export function normaliseItem(
  item: ParsedItem,
  feedLanguage: string | null | undefined,
  now: Date,
  baseUrl?: string,
): NormalisedItem {
  const summary = htmlToText(item.summaryHtml);
  const link = resolveLink(item.link, baseUrl);
  return {
    // itemIdentityHash's normaliseUrl(item.link, baseUrl) is link.normalizedUrl: same trim, same base.
    itemKeyHash: identityHash(item, () => link?.normalizedUrl ?? null),
    url: link?.url ?? null,
    normalizedUrl: link?.normalizedUrl ?? null,
    title: titleFor(item, summary),
    summary,
    author: htmlToText(item.author, AUTHOR_LIMIT) || null,
    language: item.language?.trim() || feedLanguage?.trim() || null,
    publishedAt: sensiblePublishedAt(item.publishedAt, now),
  };
}
