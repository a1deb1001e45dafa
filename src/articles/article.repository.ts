import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { retryOnWriteConflict } from '../database/write-conflict';
import type { NormalisedItem } from './article-normaliser';
import type { ItemBatch } from './item-batch';
import { knownItemHashesStatement, StoredLinkedRow, storeLinkedItemsStatement } from './article-store.sql';

/** An article created by a store call, and the item of the batch it was made from. */
export interface NewArticle {
  id: number;
  /** Index into the batch's items in store order (the list toItemBatchKeepingItems returns with it). */
  item: number;
}

export interface StoreResult {
  /** Items this feed had not delivered before. */
  newItems: number;
  /**
   * Articles created by this call (not seen in any feed before), in id order. An import tags
   * exactly these from the items it holds; polling only counts them (FeedOutcome.newArticles) and
   * tags whatever is untagged.
   */
  newArticles: NewArticle[];
  /** New items of this feed that turned out to be a story another feed already brought. */
  seenElsewhere: number;
}

export interface ArticleListRow {
  id: number;
  title: string;
  url: string | null;
  summary: string;
  language: string | null;
  publishedAt: Date;
  firstSeenAt: Date;
  feeds: { id: number; title: string | null }[];
}

interface LinkedOutcome {
  linked: number;
  /** Hashes of items neither known nor linked by this statement. */
  unlinked: string[];
  newArticles: NewArticle[];
}

/** How often items whose story another writer committed mid-statement are linked again. */
const MAX_LINK_PASSES = 3;

/**
 * Stores a feed's items: items the feed delivered before are skipped by (feed, identity hash); a
 * story already stored under the same normalised URL is reused, so a syndicated story is one
 * article seen in several feeds. Idempotent: a rerun after a crash finds what was committed and
 * adds only the rest.
 *
 * The items with a URL go in one statement per chunk of up to 500 (skip known, insert articles,
 * link feed_items; see item-batch.ts for why chunks). The
 * article insert locks the day rows of article_daily_rollups (trigger) until commit, and every
 * writer of the same days queues behind it: as one statement the locks are held for that
 * statement only, never across round trips to a busy Node process, as an interactive transaction
 * held them. A statement is atomic, so a crash still leaves all or nothing of it.
 *
 * Each statement runs on the `pg` pool with its chunk as one JSON parameter: through Prisma,
 * building and binding eight array parameters per feed cost more CPU than the database spent
 * storing them (bench/ingestion.bench.ts, README).
 */
@Injectable()
export class ArticleRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** `importId`: the import bringing the items (imports go through this same path as polling). */
  async storeItems(feedId: number, batch: ItemBatch, importId: number | null = null): Promise<StoreResult> {
    const result: StoreResult = { newItems: 0, newArticles: [], seenElsewhere: 0 };
    for (const chunk of batch.urlChunks) {
      const stored = await this.storeLinkedChunk(feedId, chunk, importId);
      result.newItems += stored.linked;
      result.newArticles.push(...stored.newArticles);
    }
    for (const [n, item] of batch.withoutUrl.entries()) {
      const articleId = await retryOnWriteConflict(() => this.storeWithoutUrl(feedId, item, importId));
      if (articleId === null) continue;
      result.newItems += 1;
      result.newArticles.push({ id: articleId, item: batch.urlItemCount + n });
    }
    result.seenElsewhere = result.newItems - result.newArticles.length;
    return result;
  }

  /** The identity hashes among `hashes` that the feed already has (see KNOWN_ITEM_HASHES). */
  async knownItemHashes(feedId: number, hashes: string[]): Promise<Set<string>> {
    const { rows } = await this.prisma.pool.query<{ known: string[] }>(knownItemHashesStatement(feedId, hashes));
    return new Set(rows[0]!.known);
  }

  /** One chunk in one statement, run again for items a concurrent writer's story kept from linking. */
  private async storeLinkedChunk(
    feedId: number,
    itemsJson: string,
    importId: number | null,
  ): Promise<Omit<LinkedOutcome, 'unlinked'>> {
    const total = { linked: 0, newArticles: [] as NewArticle[] };
    let retryHashes: string[] | null = null;
    for (let pass = 0; pass < MAX_LINK_PASSES; pass++) {
      // Writers meeting the same syndicated stories in different orders can deadlock; each
      // statement is atomic, so running it again is safe.
      const only: string[] | null = retryHashes;
      const stored: LinkedOutcome = await retryOnWriteConflict(() =>
        this.storeLinked(feedId, itemsJson, only, importId),
      );
      total.linked += stored.linked;
      total.newArticles.push(...stored.newArticles);
      // Items neither known nor linked: their story was committed by a concurrent writer after this
      // statement's snapshot (ON CONFLICT saw it, the SELECT could not). A new statement sees it.
      retryHashes = stored.unlinked;
      if (retryHashes.length === 0) return total;
    }
    throw new Error(`feed ${feedId}: ${retryHashes!.length} items could not be linked to their articles`);
  }

  private async storeLinked(
    feedId: number,
    itemsJson: string,
    only: string[] | null,
    importId: number | null,
  ): Promise<LinkedOutcome> {
    const { rows } = await this.prisma.pool.query<StoredLinkedRow>(
      storeLinkedItemsStatement(feedId, itemsJson, only, importId),
    );
    const row = rows[0]!;
    const newArticles = row.new_ids.map((id, n) => ({ id, item: row.new_ords[n]! }));
    return { linked: row.linked, unlinked: row.unlinked, newArticles };
  }

  /** Without a usable link a story cannot be matched across feeds: always its own article (rare). */
  private async storeWithoutUrl(feedId: number, item: NormalisedItem, importId: number | null): Promise<number | null> {
    const [row] = await this.prisma.$queryRaw<{ id: number }[]>`
      WITH article AS (
        INSERT INTO articles (url, title, summary, author, language, published_at)
        SELECT NULL, ${item.title}::text, ${item.summary}::text, ${item.author}::text, ${item.language}::text, ${item.publishedAt}::timestamptz
        WHERE NOT EXISTS (SELECT 1 FROM feed_items WHERE feed_id = ${feedId} AND guid_hash = ${item.itemKeyHash})
        RETURNING id)
      INSERT INTO feed_items (feed_id, guid_hash, article_id, import_id)
      SELECT ${feedId}, ${item.itemKeyHash}, id, ${importId}::int FROM article
      RETURNING article_id AS id`;
    return row?.id ?? null;
  }

  async list(filter: { feedId?: number; q?: string; beforeId?: number; limit: number }): Promise<ArticleListRow[]> {
    // Prisma passes `contains` through to ILIKE unescaped: a literal % or _ must not be a wildcard.
    const q = filter.q?.replace(/[\\%_]/g, (c) => `\\${c}`);
    const articles = await this.prisma.article.findMany({
      where: {
        ...(filter.beforeId ? { id: { lt: filter.beforeId } } : {}),
        ...(filter.feedId ? { sources: { some: { feedId: filter.feedId } } } : {}),
        ...(filter.q
          ? { OR: [{ title: { contains: q, mode: 'insensitive' } }, { summary: { contains: q, mode: 'insensitive' } }] }
          : {}),
      },
      orderBy: { id: 'desc' },
      take: filter.limit,
      include: { sources: { include: { feed: { select: { id: true, title: true } } } } },
    });
    return articles.map((a) => ({
      id: a.id,
      title: a.title,
      url: a.url,
      summary: a.summary,
      language: a.language,
      publishedAt: a.publishedAt,
      firstSeenAt: a.firstSeenAt,
      feeds: a.sources.map((s) => s.feed),
    }));
  }
}
