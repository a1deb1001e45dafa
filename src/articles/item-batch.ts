import type { NormalisedItem } from './article-normaliser';

/**
 * A feed's items ready to store, in the shape the store statement reads: deduplicated, in
 * publication order, and the items with a link as JSON parameters, one per chunk of at most
 * CHUNK_ITEMS. Building the JSON is the costly part of handing items to the database; as plain
 * strings it is built wherever the feed is parsed (a worker thread) and crosses to the database
 * connection without being looked at again.
 *
 * Chunks, because the statement matches a chunk's items against the stories it has just inserted,
 * which PostgreSQL plans as a nested loop on its default row estimates: fine for 500 items (~30 ms),
 * 2.7 s for a 5,000-item feed in one statement. A chunk also bounds how long the statement holds
 * its rollup-row locks.
 */
export const CHUNK_ITEMS = 500;

export interface ItemBatch {
  /** JSON arrays of StoredItemRow, the items with a usable link, in publication order. */
  urlChunks: string[];
  urlItemCount: number;
  /** Items without a usable link: each is its own article (rare). */
  withoutUrl: NormalisedItem[];
}

/** One item as the store statement's json_to_recordset reads it. */
export interface StoredItemRow {
  ord: number;
  hash: string;
  url: string | null;
  nurl: string;
  title: string;
  summary: string;
  author: string | null;
  lang: string | null;
  pub: string;
}

export function toItemBatch(items: NormalisedItem[]): ItemBatch {
  return batchOf(storeOrder(items));
}

/**
 * The batch and its items in store order, for a caller that keeps the items (an import tags its
 * new articles from them; StoreResult's NewArticle.item indexes this list).
 */
export function toItemBatchKeepingItems(items: NormalisedItem[]): { batch: ItemBatch; items: NormalisedItem[] } {
  const ordered = storeOrder(items);
  return { batch: batchOf(ordered), items: ordered };
}

/** Deduplicated; the items with a link first, in publication order (their ords), then those without. */
function storeOrder(items: NormalisedItem[]): NormalisedItem[] {
  // Publication order keeps rollup-row locks in one order across concurrent writers.
  const unique = dedupeByHash(items).sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  return [
    ...unique.filter((item) => item.normalizedUrl !== null),
    ...unique.filter((item) => item.normalizedUrl === null),
  ];
}

function batchOf(ordered: NormalisedItem[]): ItemBatch {
  const rows: StoredItemRow[] = [];
  const withoutUrl: NormalisedItem[] = [];
  for (const item of ordered) {
    if (item.normalizedUrl === null) {
      withoutUrl.push(item);
      continue;
    }
    rows.push({
      ord: rows.length,
      hash: item.itemKeyHash,
      url: item.url,
      nurl: item.normalizedUrl,
      title: item.title,
      summary: item.summary,
      author: item.author,
      lang: item.language,
      pub: item.publishedAt.toISOString(),
    });
  }
  const urlChunks: string[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_ITEMS)
    urlChunks.push(JSON.stringify(rows.slice(start, start + CHUNK_ITEMS)));
  return { urlChunks, urlItemCount: rows.length, withoutUrl };
}

/** A feed listing the same item twice in one document must not insert it twice. */
function dedupeByHash(items: NormalisedItem[]): NormalisedItem[] {
  const seen = new Map<string, NormalisedItem>();
  for (const item of items) if (!seen.has(item.itemKeyHash)) seen.set(item.itemKeyHash, item);
  return [...seen.values()];
}
