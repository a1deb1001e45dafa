import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { NormalisedItem } from './article-normaliser';

export interface StoreResult {
  /** Items this feed had not delivered before. */
  newItems: number;
  /** Articles created by this call (not seen in any feed before). */
  newArticleIds: number[];
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

/**
 * Stores a feed's items in one transaction: items the feed delivered before are skipped by
 * (feed, identity hash); a story already stored under the same normalised URL is reused, so a
 * syndicated story is one article seen in several feeds. Idempotent: a rerun after a crash
 * finds what was committed and adds only the rest.
 */
@Injectable()
export class ArticleRepository {
  constructor(private readonly prisma: PrismaService) {}

  async storeItems(feedId: number, items: NormalisedItem[]): Promise<StoreResult> {
    const unique = dedupeByHash(items);
    if (unique.length === 0) return { newItems: 0, newArticleIds: [], seenElsewhere: 0 };
    return this.prisma.$transaction(async (tx) => {
      const known = await tx.$queryRaw<{ guid_hash: string }[]>`
        SELECT guid_hash FROM feed_items WHERE feed_id = ${feedId} AND guid_hash = ANY(${unique.map((i) => i.guidHash)}::text[])`;
      const knownSet = new Set(known.map((k) => k.guid_hash));
      // Publication order keeps rollup-row locks in one order across concurrent writers.
      const fresh = unique.filter((i) => !knownSet.has(i.guidHash)).sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
      if (fresh.length === 0) return { newItems: 0, newArticleIds: [], seenElsewhere: 0 };
      const withUrl = fresh.filter((i) => i.normalizedUrl !== null);
      const inserted = withUrl.length === 0 ? [] : await tx.$queryRaw<{ id: number; normalized_url: string }[]>`
        INSERT INTO articles (url, normalized_url, title, summary, author, language, published_at)
        SELECT u.url, u.nurl, u.title, u.summary, u.author, u.lang, u.pub
        FROM unnest(${withUrl.map((i) => i.url)}::text[], ${withUrl.map((i) => i.normalizedUrl)}::text[],
                    ${withUrl.map((i) => i.title)}::text[], ${withUrl.map((i) => i.summary)}::text[],
                    ${withUrl.map((i) => i.author)}::text[], ${withUrl.map((i) => i.language)}::text[],
                    ${withUrl.map((i) => i.publishedAt.toISOString())}::timestamptz[])
             WITH ORDINALITY AS u(url, nurl, title, summary, author, lang, pub, ord)
        ORDER BY u.ord
        ON CONFLICT (normalized_url) DO NOTHING
        RETURNING id, normalized_url`;
      const idByUrl = new Map(inserted.map((row) => [row.normalized_url, row.id]));
      const newIds = inserted.map((row) => row.id);
      const missing = withUrl.map((i) => i.normalizedUrl!).filter((u) => !idByUrl.has(u));
      if (missing.length > 0) {
        const existing = await tx.$queryRaw<{ id: number; normalized_url: string }[]>`
          SELECT id, normalized_url FROM articles WHERE normalized_url = ANY(${missing}::text[])`;
        for (const row of existing) idByUrl.set(row.normalized_url, row.id);
      }
      const links: { hash: string; articleId: number }[] = [];
      for (const item of fresh) {
        if (item.normalizedUrl !== null) {
          links.push({ hash: item.guidHash, articleId: idByUrl.get(item.normalizedUrl)! });
          continue;
        }
        // Without a usable link a story cannot be matched across feeds: always its own article (rare).
        const [row] = await tx.$queryRaw<{ id: number }[]>`
          INSERT INTO articles (url, title, summary, author, language, published_at)
          VALUES (NULL, ${item.title}, ${item.summary}, ${item.author}, ${item.language}, ${item.publishedAt})
          RETURNING id`;
        newIds.push(row!.id);
        links.push({ hash: item.guidHash, articleId: row!.id });
      }
      await tx.$executeRaw`
        INSERT INTO feed_items (feed_id, guid_hash, article_id)
        SELECT ${feedId}, h, a FROM unnest(${links.map((l) => l.hash)}::text[], ${links.map((l) => l.articleId)}::int[]) AS x(h, a)
        ON CONFLICT DO NOTHING`;
      return { newItems: fresh.length, newArticleIds: newIds, seenElsewhere: fresh.length - newIds.length };
    });
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

/** A feed listing the same item twice in one document must not insert it twice. */
function dedupeByHash(items: NormalisedItem[]): NormalisedItem[] {
  const seen = new Map<string, NormalisedItem>();
  for (const item of items) if (!seen.has(item.guidHash)) seen.set(item.guidHash, item);
  return [...seen.values()];
}
