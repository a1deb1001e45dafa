import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Feed, Prisma } from '../generated/prisma/client';

export type FeedWithCounts = Feed & { articleCount: number };

/** What the ingester needs of a claimed feed. */
export interface ClaimedFeed {
  id: number;
  url: string;
  title: string | null;
  language: string | null;
  etag: string | null;
  lastModified: string | null;
  lastUnconditionalAt: Date | null;
  consecutiveErrors: number;
  intervalSeconds: number;
}

export interface FetchSuccess {
  status: number;
  notModified: boolean;
  etag?: string | null;
  lastModified?: string | null;
  unconditional: boolean;
  title?: string | null;
  siteUrl?: string | null;
  language?: string | null;
  newItems: number;
  intervalSeconds: number;
  nextCheckAt: Date;
}

export interface FetchFailure {
  code: string;
  message: string;
  status?: number | null;
  nextCheckAt: Date;
}

@Injectable()
export class FeedRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: { url: string; title?: string | null; language?: string | null }): Promise<Feed> {
    return this.prisma.feed.create({ data });
  }

  findById(id: number): Promise<Feed | null> {
    return this.prisma.feed.findUnique({ where: { id } });
  }

  findByUrl(url: string): Promise<Feed | null> {
    return this.prisma.feed.findUnique({ where: { url } });
  }

  count(): Promise<number> {
    return this.prisma.feed.count();
  }

  async list(filter: { afterId?: number; limit: number }): Promise<FeedWithCounts[]> {
    const feeds = await this.prisma.feed.findMany({
      where: filter.afterId ? { id: { gt: filter.afterId } } : {},
      orderBy: { id: 'asc' },
      take: filter.limit,
      include: { _count: { select: { items: true } } },
    });
    return feeds.map(({ _count, ...feed }) => ({ ...feed, articleCount: _count.items }));
  }

  async withCounts(feed: Feed): Promise<FeedWithCounts> {
    const articleCount = await this.prisma.feedItem.count({ where: { feedId: feed.id } });
    return { ...feed, articleCount };
  }

  allForExport(): Promise<Feed[]> {
    return this.prisma.feed.findMany({ orderBy: { id: 'asc' } });
  }

  update(id: number, data: Prisma.FeedUpdateInput): Promise<Feed> {
    return this.prisma.feed.update({ where: { id }, data });
  }

  /** Deletes the feed; with `removeArticles`, also the articles no other feed has seen. */
  async delete(id: number, removeArticles: boolean): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      if (removeArticles) {
        await tx.$executeRaw`
          DELETE FROM articles a USING feed_items fi
          WHERE fi.article_id = a.id AND fi.feed_id = ${id}
            AND NOT EXISTS (SELECT 1 FROM feed_items o WHERE o.article_id = a.id AND o.feed_id <> ${id})`;
      }
      await tx.feed.delete({ where: { id } });
    });
  }

  /**
   * Claims up to `limit` due feeds for this instance with a lease: SKIP LOCKED means two
   * instances claiming at once get disjoint feeds, and the lease keeps a feed claimed while it
   * is fetched, after the claiming transaction has committed.
   */
  claimDue(owner: string, limit: number, leaseMs: number): Promise<ClaimedFeed[]> {
    return this.prisma.$queryRaw<ClaimedFeed[]>`
      UPDATE feeds SET lease_owner = ${owner}, lease_until = now() + ${leaseMs} * interval '1 millisecond'
      WHERE id IN (
        SELECT id FROM feeds
        WHERE NOT paused AND next_check_at <= now() AND (lease_until IS NULL OR lease_until < now())
        ORDER BY next_check_at
        FOR UPDATE SKIP LOCKED
        LIMIT ${limit})
      RETURNING id, url, title, language, etag, last_modified AS "lastModified",
        last_unconditional_at AS "lastUnconditionalAt", consecutive_errors AS "consecutiveErrors",
        interval_seconds AS "intervalSeconds"`;
  }

  recordSuccess(id: number, r: FetchSuccess): Promise<Feed> {
    const now = new Date();
    return this.prisma.feed.update({
      where: { id },
      data: {
        lastFetchedAt: now,
        lastSuccessAt: now,
        lastStatus: r.status,
        lastError: null,
        lastErrorCode: null,
        consecutiveErrors: 0,
        itemsSeen: { increment: r.newItems },
        intervalSeconds: r.intervalSeconds,
        nextCheckAt: r.nextCheckAt,
        leaseOwner: null,
        leaseUntil: null,
        ...(r.notModified ? {} : { etag: r.etag ?? null, lastModified: r.lastModified ?? null }),
        ...(r.unconditional ? { lastUnconditionalAt: now } : {}),
        ...(r.title ? { title: r.title } : {}),
        ...(r.siteUrl ? { siteUrl: r.siteUrl } : {}),
        ...(r.language ? { language: r.language } : {}),
      },
    });
  }

  /** Keeps the original title when the feed gave one earlier; only fills blanks. */
  async recordFailure(id: number, f: FetchFailure): Promise<void> {
    const now = new Date();
    await this.prisma.$transaction([
      this.prisma.feed.update({
        where: { id },
        data: {
          lastFetchedAt: now,
          lastStatus: f.status ?? null,
          lastError: f.message,
          lastErrorCode: f.code,
          errorCount: { increment: 1 },
          consecutiveErrors: { increment: 1 },
          nextCheckAt: f.nextCheckAt,
          leaseOwner: null,
          leaseUntil: null,
        },
      }),
      this.prisma.feedFetchLog.create({ data: { feedId: id, code: f.code, message: f.message, status: f.status ?? null } }),
    ]);
  }

  /** Feeds whose fetches failed in a period, for the operator section of digests. */
  failuresBetween(from: Date, to: Date) {
    return this.prisma.$queryRaw<{ feedId: number; url: string; title: string | null; errors: number; lastError: string }[]>`
      SELECT f.id AS "feedId", f.url, f.title, count(*)::int AS errors,
             (array_agg(l.message ORDER BY l.at DESC))[1] AS "lastError"
      FROM feed_fetch_log l JOIN feeds f ON f.id = l.feed_id
      WHERE l.at >= ${from} AND l.at < ${to}
      GROUP BY f.id ORDER BY errors DESC, f.id`;
  }
}
