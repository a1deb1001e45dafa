import { httpUrl } from '../common/http-url';
import { normaliseItem, NormalisedItem } from '../articles/article-normaliser';
import { ItemBatch, toItemBatch } from '../articles/item-batch';
import { FeedParseError, FeedParseErrorCode } from './feed-errors';
import { ParsedFeed, parseFeed } from './feed-parser';

/** A fetched feed document and what its items need from the feed's record. */
export interface FeedPreparationTask {
  text: string;
  /** The feed's configured language, used when the document declares none. */
  feedLanguage: string | null;
  /** The final URL after redirects: relative links resolve against it. */
  baseUrl: string;
  /** When the feed was fetched: undated items are dated then. */
  fetchedAt: Date;
}

/** Everything ingestion needs from one document: feed metadata and the items ready to store. */
export interface PreparedFeed {
  title?: string;
  siteUrl?: string;
  language?: string;
  ttlMinutes?: number;
  /** The feed's own item dates (undated items excluded), for the polling interval. */
  itemDates: Date[];
  batch: ItemBatch;
}

/** Errors cross a worker boundary as plain data: a FeedParseError's class and code would not survive. */
export type FeedPreparationOutcome =
  { ok: true; feed: PreparedFeed } | { ok: false; code: FeedParseErrorCode; message: string };

/**
 * Parse and normalise one document: what polling stores, and what an import of saved feed files
 * stores (src/imports), so both normalise alike. Throws FeedParseError for a document that is not a usable feed.
 */
export function parseAndNormalise(task: FeedPreparationTask): { parsed: ParsedFeed; items: NormalisedItem[] } {
  const parsed = parseFeed(task.text);
  const language = parsed.language ?? task.feedLanguage;
  return { parsed, items: parsed.items.map((item) => normaliseItem(item, language, task.fetchedAt, task.baseUrl)) };
}

/** Parse, normalise and batch one document; throws FeedParseError for a document that is not a usable feed. */
export function prepareFeed(task: FeedPreparationTask): PreparedFeed {
  const { parsed, items } = parseAndNormalise(task);
  return {
    title: parsed.title,
    // The channel link is stored and exported as OPML htmlUrl: http(s) only, like item links.
    siteUrl: httpUrl(parsed.siteUrl, task.baseUrl)?.href,
    language: parsed.language,
    ttlMinutes: parsed.ttlMinutes,
    // Only the feed's own dates: undated items were given the fetch time, which would fake a busy feed.
    itemDates: parsed.items.flatMap((i) => (i.publishedAt ? [i.publishedAt] : [])),
    batch: toItemBatch(items),
  };
}

export function prepareFeedOutcome(task: FeedPreparationTask): FeedPreparationOutcome {
  try {
    return { ok: true, feed: prepareFeed(task) };
  } catch (error) {
    if (error instanceof FeedParseError)
      return { ok: false, code: error.code as FeedParseErrorCode, message: error.message };
    throw error;
  }
}

export function unwrapFeedOutcome(outcome: FeedPreparationOutcome): PreparedFeed {
  if (outcome.ok) return outcome.feed;
  throw new FeedParseError(outcome.code, outcome.message);
}
