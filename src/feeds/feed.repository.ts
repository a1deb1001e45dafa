import { Injectable } from '@nestjs/common';
import { InstanceLiveness } from '../database/instance-liveness';
import { PrismaService } from '../database/prisma.service';
import type { Feed, Prisma } from '../generated/prisma/client';
import { Clock } from '../common/clock';
import { recordSuccessStatement } from './feed-record.sql';

const DEFAULT_FEEDS_MARKER_JOB = 'load-default-feeds';

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
  /** New items stored from this feed so far: 0 means no fetch can have missed anything yet. */
  itemsSeen: number;
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
  /** The fetch shared no item with what was stored: counted and dated on the feed. */
  missedItems?: boolean;
}

export interface FetchFailure {
  code: string;
  message: string;
  status?: number | null;
  nextCheckAt: Date;
}

/** What deleting a feed removed; audit rows are never removed, only kept with a snapshot. */
export interface FeedRemoval {
  articles: number;
  evidence: number;
  auditEntriesKept: number;
}

/** A feed with many articles deletes them (and their evidence, rollups by trigger) in one transaction. */
const DELETE_TX_TIMEOUT_MS = 120_000;

@Injectable()
export class FeedRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly liveness: InstanceLiveness,
    private readonly clock: Clock,
  ) {}

  create(data: { url: string; title?: string | null; language?: string | null }): Promise<Feed> {
    return this.prisma.feed.create({ data });
  }

  findById(id: number): Promise<Feed | null> {
    return this.prisma.feed.findUnique({ where: { id } });
  }

  findByUrl(url: string): Promise<Feed | null> {
    return this.prisma.feed.findUnique({ where: { url } });
  }

  /** The shipped OPML is loaded once per database; a job-run row of its own records that it was. */
  async defaultFeedsLoaded(): Promise<boolean> {
    return (await this.prisma.jobRun.findFirst({ where: { job: DEFAULT_FEEDS_MARKER_JOB } })) !== null;
  }

  async markDefaultFeedsLoaded(summary: Prisma.InputJsonValue): Promise<void> {
    await this.prisma.jobRun.create({
      data: {
        job: DEFAULT_FEEDS_MARKER_JOB,
        trigger: 'startup',
        instance: 'startup',
        status: 'succeeded',
        finishedAt: this.clock.now(),
        summary,
      },
    });
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

  /** Polled feeds only: an import's named source (`import:NAME`) is no feed another reader could subscribe to. */
  allForExport(): Promise<Feed[]> {
    return this.prisma.feed.findMany({ where: { kind: 'feed' }, orderBy: { id: 'asc' } });
  }

  update(id: number, data: Prisma.FeedUpdateInput): Promise<Feed> {
    return this.prisma.feed.update({ where: { id }, data });
  }

  /** Deletes the feed; with `removeArticles`, also the articles no other feed has seen. */
  /**
   * Deletes the feed and, when asked, the articles no other feed has delivered (their evidence
   * goes with them). Audit rows stay: each first gets a snapshot of the evidence it is about, then
   * loses only its link to it (ON DELETE SET NULL). Answers what was removed.
   */
  async delete(id: number, removeArticles: boolean): Promise<FeedRemoval> {
    return this.prisma.$transaction(
      async (tx) => {
        const removal: FeedRemoval = { articles: 0, evidence: 0, auditEntriesKept: 0 };
        if (removeArticles) {
          const doomed = await tx.$queryRaw<{ id: number }[]>`
            SELECT a.id FROM articles a JOIN feed_items fi ON fi.article_id = a.id AND fi.feed_id = ${id}
            WHERE NOT EXISTS (SELECT 1 FROM feed_items o WHERE o.article_id = a.id AND o.feed_id <> ${id})
            ORDER BY a.id FOR UPDATE OF a`;
          const ids = doomed.map((r) => r.id);
          removal.auditEntriesKept = await tx.$executeRaw`
            UPDATE review_audit ra SET subject = jsonb_build_object(
                'evidenceId', e.id, 'article', jsonb_build_object('id', a.id, 'title', a.title, 'url', a.url),
                'trend', jsonb_build_object('number', t.number, 'slug', t.slug),
                'stance', e.stance, 'status', e.status, 'removedWith', 'feed ' || ${id}::int)
            FROM evidence e JOIN articles a ON a.id = e.article_id JOIN trends t ON t.id = e.trend_id
            WHERE ra.evidence_id = e.id AND e.article_id = ANY(${ids}::int[])`;
          removal.evidence = await tx.evidence.count({ where: { articleId: { in: ids } } });
          removal.articles = await tx.$executeRaw`DELETE FROM articles WHERE id = ANY(${ids}::int[])`;
        }
        await tx.feed.delete({ where: { id } });
        return removal;
      },
      { timeout: DELETE_TX_TIMEOUT_MS },
    );
  }

  /**
   * Claims up to `limit` due feeds for this instance with a lease: SKIP LOCKED means two
   * instances claiming at once get disjoint feeds, and the lease keeps a feed claimed while it
   * is fetched, after the claiming transaction has committed. A lease whose holder died (its
   * liveness lock is gone: InstanceLiveness) is free at once, not only when it lapses. Our own
   * leases are never asked about: they are feeds in flight here, and each liveness check reads
   * pg_locks (a claim skipping 64 in-flight feeds among 3,000 due cost 1.2 ms with the check on
   * each, 0.8 ms without).
   */
  claimDue(owner: string, limit: number, leaseMs: number): Promise<ClaimedFeed[]> {
    return this.prisma.$queryRaw<ClaimedFeed[]>`
      UPDATE feeds SET lease_owner = ${owner}, lease_until = now() + ${leaseMs} * interval '1 millisecond',
        lease_key = ${this.liveness.key}::int
      WHERE id IN (
        SELECT id FROM feeds
        WHERE NOT paused AND next_check_at <= now()
          AND (lease_until IS NULL OR lease_until < now()
            OR (lease_key IS DISTINCT FROM ${this.liveness.key}::int AND lease_holder_gone(lease_key)))
        ORDER BY next_check_at
        FOR UPDATE SKIP LOCKED
        LIMIT ${limit})
      RETURNING id, url, title, language, etag, last_modified AS "lastModified",
        last_unconditional_at AS "lastUnconditionalAt", consecutive_errors AS "consecutiveErrors",
        interval_seconds AS "intervalSeconds", items_seen AS "itemsSeen"`;
  }

  /**
   * One UPDATE, written out, on the `pg` pool: it runs once per fetched feed, and through the ORM
   * (or Prisma's raw query path) building the query cost more Node CPU than the statement costs the
   * database. Not prepared by name: a generic plan chosen while the table was small would stay. Validators are replaced unless the answer was
   * a 304; title, site and language are only ever filled, not cleared.
   */
  async recordSuccess(id: number, r: FetchSuccess): Promise<void> {
    await this.prisma.pool.query(recordSuccessStatement(id, this.clock.now(), r));
  }

  /** Gives a claimed feed back unchanged (its fetch was cut short by a shutdown): due as before. */
  async releaseClaim(id: number): Promise<void> {
    await this.prisma.feed.update({ where: { id }, data: { leaseOwner: null, leaseUntil: null } });
  }

  /** Gives back every feed `owner` still holds (its run stopped on a database error): due as before. */
  async releaseClaimsOf(owner: string): Promise<number> {
    return this.prisma.feed
      .updateMany({
        where: { leaseOwner: owner },
        data: { leaseOwner: null, leaseUntil: null },
      })
      .then((r) => r.count);
  }

  /**
   * Counts a failed fetch, logs it and releases the lease. Title and cache validators
   * are left as the last success wrote them.
   */
  async recordFailure(id: number, f: FetchFailure): Promise<void> {
    const now = this.clock.now();
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
      this.prisma.feedFetchLog.create({
        data: { feedId: id, code: f.code, message: f.message, status: f.status ?? null },
      }),
    ]);
  }

  /** Feeds whose fetches failed in a period, for the operator section of digests. */
  failuresBetween(from: Date, to: Date) {
    return this.prisma.$queryRaw<
      { feedId: number; url: string; title: string | null; errors: number; lastError: string }[]
    >`
      SELECT f.id AS "feedId", f.url, f.title, count(*)::int AS errors,
             (array_agg(l.message ORDER BY l.at DESC))[1] AS "lastError"
      FROM feed_fetch_log l JOIN feeds f ON f.id = l.feed_id
      WHERE l.at >= ${from} AND l.at < ${to}
      GROUP BY f.id ORDER BY errors DESC, f.id`;
  }
}
