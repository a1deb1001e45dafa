import { Inject, Injectable, Logger } from '@nestjs/common';
import { getMaxListeners, setMaxListeners } from 'node:events';
import { ArticleRepository } from '../articles/article.repository';
import { Clock } from '../common/clock';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { isDatabaseConnectionError, retryWhileDatabaseDown } from '../database/connection-errors';
import { ClaimPool } from './claim-pool';
import { MetricsService } from '../metrics/metrics.service';
import { FeedError } from './feed-errors';
import { FeedPreparationService } from './feed-preparation.service';
import { ClaimedFeed, FeedRepository } from './feed.repository';
import { FeedService } from './feed.service';
import { HostLimiter } from './host-limiter';
import { missedItems, nextCheckAfterError, nextCheckAfterSuccess, shouldFetchUnconditionally } from './polling-policy';

export interface FeedOutcome {
  feedId: number;
  /** interrupted: the run was stopped (shutdown) before this feed's fetch finished; nothing is held against the feed. */
  result: 'stored' | 'not-modified' | 'error' | 'interrupted';
  newItems: number;
  /** Articles no feed had brought before; a count: the job only needs to know whether to tag. */
  newArticles: number;
  errorCode?: string;
}

export interface IngestSummary {
  feedsTried: number;
  feedsStored: number;
  feedsNotModified: number;
  feedsFailed: number;
  feedsInterrupted: number;
  itemsNew: number;
  articlesNew: number;
  errorCodes: Record<string, number>;
}

/** A guard against a run that never ends (feeds due again within the run): at most this many feeds claimed. */
const MAX_CLAIMS = 1_000_000;

/**
 * Ingests every due feed through one continuous pool: a finished feed frees its slot at once, and
 * more feeds are claimed whenever half the claimed window is done, so no slot waits for the
 * slowest feed of a batch. A feed's failure is recorded on that feed and never stops the run; the
 * database going away does: the run stops claiming, lets what is in flight end, gives back the
 * feeds it still holds, and fails with that error.
 */
@Injectable()
export class IngestionService {
  private readonly logger = new Logger(IngestionService.name);

  constructor(
    private readonly feeds: FeedRepository,
    private readonly articles: ArticleRepository,
    private readonly feedService: FeedService,
    private readonly preparation: FeedPreparationService,
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {}

  /** `onStored` hears of every feed that stored new articles (the job tags them meanwhile). */
  async ingestDueFeeds(
    owner: string,
    signal?: AbortSignal,
    onStored?: (outcome: FeedOutcome) => void,
  ): Promise<IngestSummary> {
    const limiter = new HostLimiter(this.env.fetchConcurrency, this.env.fetchPerHostConcurrency);
    // Every fetch in flight listens on the caller's signal: more than Node's default of 10 is expected,
    // not the leak Node would warn of.
    if (signal) setMaxListeners(Math.max(getMaxListeners(signal), this.env.fetchConcurrency * 2 + 10), signal);
    const pool = new ClaimPool(this.env.fetchConcurrency * 2);
    const outcomes: FeedOutcome[] = [];
    const record = (outcome: FeedOutcome) => {
      outcomes.push(outcome);
      onStored?.(outcome);
    };
    let claimed = 0;
    while (claimed < MAX_CLAIMS && !signal?.aborted && pool.failure === undefined) {
      if (!pool.wantsMore()) {
        await pool.next();
        continue;
      }
      const batch = await this.feeds.claimDue(owner, pool.room(), this.leaseMs()).catch((e) => pool.fail(e));
      if (!batch || batch.length === 0) break;
      claimed += batch.length;
      for (const feed of batch)
        pool.add(limiter.run(feed.url, () => this.ingestUnlessStopped(feed, pool, signal)).then(record));
    }
    await pool.drain();
    if (pool.failure !== undefined) await this.giveBack(owner, pool.failure);
    return summarise(outcomes);
  }

  /** A feed still queued for a slot when the run failed is not fetched: giveBack releases it. */
  private ingestUnlessStopped(feed: ClaimedFeed, pool: ClaimPool, signal?: AbortSignal): Promise<FeedOutcome> {
    if (pool.failure === undefined) return this.ingestOne(feed, signal);
    return Promise.resolve({ feedId: feed.id, result: 'interrupted', newItems: 0, newArticles: 0 });
  }

  private leaseMs(): number {
    return this.env.fetchTimeoutMs * 3 + 60_000;
  }

  /** The run failed on the database: release what it still holds once the database answers, then fail. */
  private async giveBack(owner: string, failure: unknown): Promise<never> {
    const released = await retryWhileDatabaseDown(() => this.feeds.releaseClaimsOf(owner)).catch(() => 0);
    this.logger.error(
      `ingestion stopped by a database error; ${released} claimed feed(s) given back: ${failure instanceof Error ? failure.message : String(failure)}`,
    );
    throw failure;
  }

  /**
   * One feed, start to finish. An unexpected error is recorded as the feed's; only a database
   * that cannot be reached (or recording that fails) throws, and stops the run.
   */
  async ingestOne(feed: ClaimedFeed, signal?: AbortSignal): Promise<FeedOutcome> {
    const outcome = await this.fetchAndStoreOrFail(feed, signal);
    this.metrics.feedIngested(outcome);
    return outcome;
  }

  private async fetchAndStoreOrFail(feed: ClaimedFeed, signal?: AbortSignal): Promise<FeedOutcome> {
    try {
      return await this.fetchAndStore(feed, signal);
    } catch (error) {
      // The database went away: not the feed's fault, and nothing can be recorded; the run stops.
      if (isDatabaseConnectionError(error)) throw error;
      const code = error instanceof FeedError ? error.code : 'internal-error';
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof FeedError)) this.logger.error(`feed ${feed.id} (${feed.url}): ${message}`);
      await this.fail(feed, code, message);
      return { feedId: feed.id, result: 'error', newItems: 0, newArticles: 0, errorCode: code };
    }
  }

  private async fetchAndStore(feed: ClaimedFeed, signal?: AbortSignal): Promise<FeedOutcome> {
    const now = this.clock.now();
    const unconditional = shouldFetchUnconditionally(feed.lastUnconditionalAt, now);
    const fetched = await this.feedService.fetch(
      feed.url,
      { etag: feed.etag, lastModified: feed.lastModified, unconditional },
      signal,
    );
    if (fetched.kind === 'error' && fetched.code === 'aborted' && signal?.aborted) {
      // Our own shutdown, not the feed's fault: no error, no backoff; the feed stays due.
      await this.feeds.releaseClaim(feed.id);
      return { feedId: feed.id, result: 'interrupted', newItems: 0, newArticles: 0 };
    }
    if (fetched.kind === 'error') {
      await this.fail(feed, fetched.code, fetched.message, fetched.status, fetched.retryAfterSec);
      return { feedId: feed.id, result: 'error', newItems: 0, newArticles: 0, errorCode: fetched.code };
    }
    const hints = { cacheMaxAgeSec: fetched.cacheControlMaxAgeSec, expiresAt: fetched.expiresAt };
    if (fetched.kind === 'not-modified') {
      const nextCheckAt = new Date(now.getTime() + feed.intervalSeconds * 1000);
      await this.feeds.recordSuccess(feed.id, {
        status: 304,
        notModified: true,
        unconditional: false,
        newItems: 0,
        intervalSeconds: feed.intervalSeconds,
        nextCheckAt,
      });
      return { feedId: feed.id, result: 'not-modified', newItems: 0, newArticles: 0 };
    }
    const parsed = await this.preparation.prepare({
      text: fetched.body,
      feedLanguage: feed.language,
      baseUrl: fetched.finalUrl,
      fetchedAt: now,
    });
    const stored = await this.articles.storeItems(feed.id, parsed.batch);
    const itemsInDocument = parsed.batch.urlItemCount + parsed.batch.withoutUrl.length;
    const gap = missedItems({ itemsBefore: feed.itemsSeen, itemsInDocument, newItems: stored.newItems });
    if (gap) this.logger.warn(`feed ${feed.id} (${feed.url}): no overlap with stored items, some were probably missed`);
    const nextCheckAt = nextCheckAfterSuccess({
      itemDates: parsed.itemDates,
      now,
      ttlMinutes: parsed.ttlMinutes,
      ...hints,
      minSec: this.env.pollMinIntervalSec,
      maxSec: this.env.pollMaxIntervalSec,
      missedItems: gap,
      previousIntervalSec: feed.intervalSeconds,
    });
    await this.feeds.recordSuccess(feed.id, {
      status: fetched.status,
      notModified: false,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      unconditional,
      title: feed.title ? null : parsed.title,
      siteUrl: parsed.siteUrl,
      language: feed.language ? null : parsed.language,
      newItems: stored.newItems,
      intervalSeconds: Math.round((nextCheckAt.getTime() - now.getTime()) / 1000),
      nextCheckAt,
      missedItems: gap,
    });
    return { feedId: feed.id, result: 'stored', newItems: stored.newItems, newArticles: stored.newArticles.length };
  }

  private async fail(
    feed: ClaimedFeed,
    code: string,
    message: string,
    status?: number,
    retryAfterSec?: number,
  ): Promise<void> {
    const nextCheckAt = nextCheckAfterError({
      consecutiveErrors: feed.consecutiveErrors + 1,
      now: this.clock.now(),
      retryAfterSec,
      capSec: this.env.pollMaxIntervalSec,
    });
    await this.feeds.recordFailure(feed.id, { code, message: message.slice(0, 2000), status, nextCheckAt });
  }
}

function summarise(outcomes: FeedOutcome[]): IngestSummary {
  const errorCodes: Record<string, number> = {};
  for (const o of outcomes) if (o.errorCode) errorCodes[o.errorCode] = (errorCodes[o.errorCode] ?? 0) + 1;
  return {
    feedsTried: outcomes.length,
    feedsStored: outcomes.filter((o) => o.result === 'stored').length,
    feedsNotModified: outcomes.filter((o) => o.result === 'not-modified').length,
    feedsFailed: outcomes.filter((o) => o.result === 'error').length,
    feedsInterrupted: outcomes.filter((o) => o.result === 'interrupted').length,
    itemsNew: outcomes.reduce((n, o) => n + o.newItems, 0),
    articlesNew: outcomes.reduce((n, o) => n + o.newArticles, 0),
    errorCodes,
  };
}
