import type { FetchResult } from '../feeds/feed-fetcher';
import { FeedParseError } from '../feeds/feed-errors';
import { parseAndNormalise } from '../feeds/feed-preparation';
import { ImportError } from './import-errors';
import { addItems, ChunkReader, ImportChunk, emptyChunk } from './import-chunk';
import { olderPage, pageKey, pagingLinks } from './paging-links';

export interface HistoryOptions {
  since: Date | null;
  now: Date;
  maxPages: number;
  delayMs: number;
  /** The polling fetcher (FeedService.fetch: SSRF guard on every hop, caps, timeouts), under the host limits. */
  fetchPage: (url: string, signal?: AbortSignal) => Promise<FetchResult>;
  wait: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * A feed's own history: the feed, then its older pages (paging-links.ts) one at a time with a pause
 * between them, until a page holds nothing newer than --since, has no older page, repeats a page
 * already seen (a loop in the archive links), or the page cap. One chunk per page, stored under
 * the feed itself (the group key is its URL), so what polling already stored is not stored again.
 * The first page failing fails the import; a later one ends it, with the reason among the refusals.
 */
export function feedHistoryReader(feedUrl: string, options: HistoryOptions): ChunkReader {
  return async function* (from, signal) {
    let url: string | null = from.nextUrl === undefined ? feedUrl : from.nextUrl;
    let page = from.page ?? 0;
    const visited = new Set(from.visited ?? []);
    while (url !== null && page < options.maxPages) {
      if (page > 0) await options.wait(options.delayMs, signal);
      const outcome = await fetchHistoryPage({ url, feedUrl, page }, options, signal);
      page += 1;
      visited.add(pageKey(url));
      let next = outcome.next;
      if (next !== null && visited.has(pageKey(next))) {
        outcome.chunk.refusals.push({
          row: page,
          field: next,
          message: `loop: ${url} links back to a page already read`,
        });
        next = null;
      }
      outcome.chunk.checkpoint = { nextUrl: next, page, visited: [...visited] };
      yield outcome.chunk;
      url = next;
    }
  };
}

async function fetchHistoryPage(
  { url, feedUrl, page }: { url: string; feedUrl: string; page: number },
  options: HistoryOptions,
  signal?: AbortSignal,
): Promise<{ chunk: ImportChunk; next: string | null }> {
  const chunk = emptyChunk();
  const fetched = await options.fetchPage(url, signal);
  if (fetched.kind !== 'ok') {
    const message = fetched.kind === 'error' ? `${fetched.code}: ${fetched.message}` : 'not modified';
    if (page === 0) throw new ImportError(fetched.kind === 'error' ? fetched.code : 'fetch-failed', message);
    // A WordPress feed answers 404 past its last page: that is the end, not a failure.
    chunk.refusals.push({ row: page + 1, field: url, message });
    return { chunk, next: null };
  }
  try {
    const { items } = parseAndNormalise({
      text: fetched.body,
      feedLanguage: null,
      baseUrl: fetched.finalUrl,
      fetchedAt: options.now,
    });
    const kept = items.filter((i) => !options.since || i.publishedAt >= options.since);
    chunk.read = items.length;
    chunk.beforeSince = items.length - kept.length;
    addItems(chunk, FEED_SOURCE, kept);
    // Nothing on this page is recent enough: older pages will not be either.
    const reachedSince = items.length > 0 && kept.length === 0;
    const next =
      items.length === 0 || reachedSince
        ? null
        : olderPage(pagingLinks(fetched.body), fetched.finalUrl, feedUrl, page + 1);
    return { chunk, next };
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    if (page === 0) throw new ImportError(error.code, error.message);
    chunk.refusals.push({ row: page + 1, field: url, message: `${error.code}: ${error.message}` });
    return { chunk, next: null };
  }
}

/** The group key under which a history reader's items are stored: the feed being imported. */
export const FEED_SOURCE = '';
